package org.ceasefire.audit;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.Place;
import org.ceasefire.avro.SectorTally;
import org.ceasefire.ingest.Progress;
import org.ceasefire.registry.serde.AvroSerdes;
import org.ceasefire.topology.TopologyConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An auditor's replay: reads the statements log (optionally only what had been appended by a time,
 * and/or only incidents in a range), runs the production topology over it offline, writes the audit
 * report, and, when asked, compares the result with the live output topics.
 */
public final class AuditReplay {
    private static final Logger LOG = LoggerFactory.getLogger(AuditReplay.class);

    /** What to replay and where to write the report; null bounds are open. */
    public record Options(Instant asOf, Instant incidentsFrom, Instant incidentsTo, Path out) {
    }

    /**
     * What the replay found: its results (on disk until closed) and digest, and the differences from live output when compared;
     * also how many records it read from the log ({@code statements} of them in range) and how long it took, report included.
     */
    public record Outcome(AuditResults results, String digest, long statements, List<Difference> differences, long read,
                          Duration took) implements AutoCloseable {
        @Override
        public void close() {
            results.close();
        }

        /** One line for the end of a run: how much, how long, how fast. */
        public String summary() {
            double seconds = Math.max(took.toMillis(), 1) / 1000.0;
            return String.format(Locale.ROOT, "Replay: %,d records read from the log, %,d statements replayed in %.1f s (%,.0f statements/s).",
                    read, statements, seconds, statements / seconds);
        }
    }

    private final Map<String, Object> clientProperties;
    private final TopologyConfig topology;

    /**
     * @param clientProperties Kafka consumer and Schema Registry settings of the live cluster (read only)
     * @param topology         the live topology's configuration: topics, conflict, distance and horizon
     */
    public AuditReplay(Map<String, Object> clientProperties, TopologyConfig topology) {
        this.clientProperties = clientProperties;
        this.topology = topology;
    }

    public Outcome replay(Options options, Progress progress) {
        long started = System.nanoTime();
        Map<String, Object> serdeConfig = new TreeMap<>(clientProperties);
        serdeConfig.put("specific.avro.reader", true);
        Deserializer<MinistryStatement> decoder = AvroSerdes.<MinistryStatement>specific(serdeConfig, false).deserializer();
        long statements = 0;
        long read = 0;
        AuditResults results;
        try (OfflineReplay replay = new OfflineReplay(topology);
             StatementTraceWriter trace = new StatementTraceWriter(options.out());
             StatementLog log = new StatementLog(clientProperties, topology.topics().statements(), options.asOf())) {
            replay.loadGazetteer(gazetteer(serdeConfig));
            while (log.hasNext()) {
                LoggedRecord record = log.next();
                read++;
                progress.update("replay", read, log.total(), statements);
                MinistryStatement statement;
                try {
                    // As Object: another record type on the statements topic is rejected by name, not a ClassCastException.
                    Object decoded = record.value() == null ? null
                            : ((Deserializer<?>) decoder).deserialize(topology.topics().statements(), record.value());
                    if (decoded != null && !(decoded instanceof MinistryStatement)) {
                        replay.reject(record, "value: the value is a " + (decoded instanceof org.apache.avro.generic.GenericContainer avro
                                ? avro.getSchema().getFullName() : decoded.getClass().getName()) + " record, not a MinistryStatement");
                        continue;
                    }
                    statement = (MinistryStatement) decoded;
                } catch (SerializationException e) {
                    replay.reject(record, "value: " + e.getMessage());
                    continue;
                }
                if (statement == null) {
                    replay.reject(record, "value: empty (null) record");
                    continue;
                }
                if (!inRange(statement.getIncidentStart(), options)) {
                    continue;
                }
                statements++;
                trace.write(new StatementTrace(statement.getStatementId(), statement.getRevision(), record.partition(),
                        record.offset(), Instant.ofEpochMilli(record.timestamp()), statement.getIncidentStart(),
                        statement.getLocation(), statement.getSourceUrl()));
                replay.replay(record, statement);
            }
            results = replay.finish();
        } finally {
            progress.finish();
        }
        try {
            String digest = ReportWriter.write(options.out(), results, statements, title(options));
            return new Outcome(results, digest, statements, List.of(), read, Duration.ofNanos(System.nanoTime() - started));
        } catch (RuntimeException e) {
            results.close();
            throw e;
        }
    }

    /** Replays, then compares with the live output topics; the differences are also written to differences.csv. */
    public Outcome replayAndCompare(Options options, Progress progress) {
        Outcome replayed = replay(options, progress);
        List<Difference> differences;
        try (AuditResults live = liveResults()) {
            differences = ResultsDiffer.compare(live, replayed.results());
        } catch (RuntimeException e) {
            replayed.close();
            throw e;
        }
        DifferencesCsv.write(options.out().resolve("differences.csv"), differences);
        return new Outcome(replayed.results(), replayed.digest(), replayed.statements(), differences, replayed.read(), replayed.took());
    }

    /** The live output as the compacted topics hold it now (committed records only). */
    public AuditResults liveResults() {
        Map<String, Object> serdeConfig = new TreeMap<>(clientProperties);
        serdeConfig.put("specific.avro.reader", true);
        ResultTable<SectorTally> tallies = CompactedTopicReader.read(clientProperties, topology.topics().sectorTallies(),
                AvroSerdes.<SectorTally>specific(serdeConfig, false).deserializer(), SectorTally.class);
        try {
            ResultTable<ClaimContradiction> pairs = CompactedTopicReader.read(clientProperties, topology.topics().contradictions(),
                    AvroSerdes.<ClaimContradiction>specific(serdeConfig, false).deserializer(), ClaimContradiction.class);
            return new AuditResults(tallies, pairs, List.of(), List.of(), new TreeMap<>());
        } catch (RuntimeException e) {
            tallies.close();
            throw e;
        }
    }

    private List<Place> gazetteer(Map<String, Object> serdeConfig) {
        SortedMap<String, Place> places = CompactedTopicReader.read(clientProperties, topology.topics().gazetteer(),
                AvroSerdes.<Place>specific(serdeConfig, false).deserializer());
        if (places.isEmpty()) {
            LOG.warn("Topic {} holds no places: every located statement will be UNRESOLVED. Load it with `gazetteer load`.",
                    topology.topics().gazetteer());
        }
        return List.copyOf(places.values());
    }

    private static boolean inRange(Instant incident, Options options) {
        return (options.incidentsFrom() == null || !incident.isBefore(options.incidentsFrom()))
                && (options.incidentsTo() == null || incident.isBefore(options.incidentsTo()));
    }

    private static String title(Options options) {
        StringBuilder title = new StringBuilder("Audit replay of the statements log");
        if (options.asOf() != null) {
            title.append(", as appended by ").append(options.asOf());
        }
        if (options.incidentsFrom() != null || options.incidentsTo() != null) {
            title.append(", incidents from ").append(options.incidentsFrom() == null ? "the start" : options.incidentsFrom())
                    .append(" to ").append(options.incidentsTo() == null ? "the end" : options.incidentsTo());
        }
        return title.toString();
    }

    /** Prints at most {@code limit} differences, one per line. */
    public static void print(List<Difference> differences, PrintWriter out, int limit) {
        differences.stream().limit(limit).forEach(d -> out.printf("  %s %s %s: live %s, replayed %s%n",
                d.output(), d.key(), d.field(), d.live(), d.replayed()));
        if (differences.size() > limit) {
            out.printf("  ... and %d more in differences.csv%n", differences.size() - limit);
        }
    }
}
