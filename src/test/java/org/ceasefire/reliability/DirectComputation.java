package org.ceasefire.reliability;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.SectorTally;
import org.ceasefire.conflict.ConflictDefinition;
import org.ceasefire.conflict.GazetteerFile;
import org.ceasefire.conflict.PlaceResolver;
import org.ceasefire.contract.StatementValidator;
import org.ceasefire.registry.serde.AvroSerdes;
import org.ceasefire.topology.ReferenceTallies;
import org.ceasefire.topology.TopologyConfig;

/**
 * The fault tests' second judge. Comparing the live output with a replay of the same topology cannot see
 * a bug both share, so this computes the expected pairs and tallies from the final set of statements in
 * the input log with {@link ReferenceTallies} (the property test's naive all-with-all computation) and
 * lists how the live output differs from them.
 */
final class DirectComputation {
    private static final int SHOWN = 10;

    private final GazetteerFile conflict;
    private final PlaceResolver places;

    DirectComputation(GazetteerFile conflict) {
        this.conflict = conflict;
        this.places = new PlaceResolver(conflict);
    }

    /** The decodable, valid statements of the input log, in log order (per partition, as the topology sees each id). */
    static List<MinistryStatement> validStatements(List<ConsumerRecord<byte[], byte[]>> log, Map<String, Object> serdeConfig,
            ConflictDefinition definition) {
        StatementValidator validator = new StatementValidator(definition);
        List<MinistryStatement> valid = new ArrayList<>();
        try (Deserializer<MinistryStatement> decoder = AvroSerdes.<MinistryStatement>specific(serdeConfig, false).deserializer()) {
            for (ConsumerRecord<byte[], byte[]> record : log) {
                MinistryStatement statement = decodeOrNull(decoder, record);
                String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
                if (statement != null && validator.validate(statement).isEmpty() && statement.getStatementId().equals(key)) {
                    valid.add(statement);
                }
            }
        }
        return valid;
    }

    private static MinistryStatement decodeOrNull(Deserializer<MinistryStatement> decoder, ConsumerRecord<byte[], byte[]> record) {
        try {
            Object decoded = decoder.deserialize(record.topic(), record.headers(), record.value());
            return decoded instanceof MinistryStatement statement ? statement : null;
        } catch (RuntimeException poisonPill) {
            return null;
        }
    }

    /** What the final set of {@code statements} gives: each pair as "KIND in SECTOR" by pair id, and each tally by key. */
    record Expected(Map<String, String> pairs, Map<String, SectorTally> tallies) {
    }

    Expected expected(List<MinistryStatement> statements) {
        ReferenceTallies reference = new ReferenceTallies(conflict.conflict(), finalSet(statements),
                TopologyConfig.DEFAULT_PAIRING_DISTANCE.toMillis(), TopologyConfig.DEFAULT_HORIZON.toMillis());
        Map<String, String> pairs = new TreeMap<>();
        reference.pairs().forEach((id, pair) -> pairs.put(id, pair.kind() + " in " + pair.sector()));
        return new Expected(pairs, new TreeMap<>(reference.tallies()));
    }

    /** The live contradictions in the form of {@link Expected#pairs()}. */
    static Map<String, String> kinds(Map<String, ClaimContradiction> contradictions) {
        Map<String, String> kinds = new TreeMap<>();
        contradictions.forEach((id, pair) -> kinds.put(id, pair.getKind() + " in " + pair.getSector()));
        return kinds;
    }

    /** Every difference between the live output and what was expected; empty when they agree. */
    static List<String> differences(Expected expected, Map<String, SectorTally> liveTallies, Map<String, String> livePairs) {
        List<String> differences = new ArrayList<>();
        compare("pair", expected.pairs(), new TreeMap<>(livePairs), differences);
        compare("tally", expected.tallies(), new TreeMap<>(liveTallies), differences);
        return differences;
    }

    private static <V> void compare(String what, Map<String, V> expected, Map<String, V> actual, List<String> differences) {
        TreeSet<String> keys = new TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (String key : keys) {
            V want = expected.get(key);
            V got = actual.get(key);
            if (!Objects.equals(want, got)) {
                differences.add(what + " " + key + ": expected " + (want == null ? "none" : want) + ", live "
                        + (got == null ? "none" : got));
            }
        }
    }

    /**
     * The highest revision of each id (the first of equal ones, as re-sending a revision is a no-op); a retracted one is
     * passed on as such, since the reference counts it in chains of casualty updates only.
     */
    private List<ReferenceTallies.Final> finalSet(List<MinistryStatement> statements) {
        Map<String, MinistryStatement> latest = new LinkedHashMap<>();
        for (MinistryStatement statement : statements) {
            latest.merge(statement.getStatementId(), statement, (a, b) -> a.getRevision() >= b.getRevision() ? a : b);
        }
        List<ReferenceTallies.Final> result = new ArrayList<>();
        for (MinistryStatement statement : latest.values()) {
            long delay = Duration.between(statement.getIncidentStart(), statement.getPublishedAt()).toMillis();
            result.add(new ReferenceTallies.Final(statement, statement.getRetracted() ? ConflictDefinition.UNRESOLVED_SECTOR
                    : sector(statement), delay > TopologyConfig.DEFAULT_HORIZON.toMillis()));
        }
        return result;
    }

    /** The one sector the statement is about; the reference takes one per statement, so a location naming several fails here. */
    private String sector(MinistryStatement statement) {
        String location = statement.getLocation();
        if (location == null || location.isBlank()) {
            return ConflictDefinition.WHOLE_FRONT_SECTOR;
        }
        List<PlaceResolver.Resolved> resolved = places.resolve(location, conflict.conflict().days().day(statement.getIncidentStart()));
        TreeSet<String> sectors = new TreeSet<>();
        resolved.forEach(r -> sectors.add(r.sector()));
        if (sectors.size() > 1) {
            throw new IllegalStateException("statement " + statement.getStatementId() + " names places in " + sectors
                    + ": the direct computation takes one sector per statement");
        }
        return sectors.isEmpty() ? ConflictDefinition.UNRESOLVED_SECTOR : sectors.first();
    }

    /** At most the first ten differences, for an assertion's message. */
    static String shown(List<String> differences) {
        return differences.size() <= SHOWN ? differences.toString()
                : differences.subList(0, SHOWN) + " and " + (differences.size() - SHOWN) + " more";
    }
}
