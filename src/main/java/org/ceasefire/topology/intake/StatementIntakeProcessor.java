package org.ceasefire.topology.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.Place;
import org.ceasefire.avro.internal.ResolvedStatement;
import org.ceasefire.avro.internal.SectorPlace;
import org.ceasefire.avro.internal.StatementHistory;
import org.ceasefire.config.logging.RootCause;
import org.ceasefire.contract.StatementValidator;
import org.ceasefire.contract.Violation;
import org.ceasefire.conflict.ConflictDefinition;
import org.ceasefire.registry.SchemaRegistryException;
import org.ceasefire.topology.DeadLetterHeaders;
import org.ceasefire.topology.LocationResolver;
import org.ceasefire.topology.Routed;

/**
 * Stage A, on the partitions of the statements topic (keyed by statement_id): decodes, validates,
 * resolves the location, applies the revision rules, and routes the resulting change. Anything it
 * cannot accept goes to the dead-letter topic with its original bytes; processing goes on.
 */
public final class StatementIntakeProcessor implements Processor<byte[], byte[], String, Routed> {
    private final Deserializer<MinistryStatement> deserializer;
    private final StatementValidator validator;
    private final ConflictDefinition conflict;
    private final long horizonMillis;
    private final String historyStore;
    private final String gazetteerStore;
    private ProcessorContext<String, Routed> context;
    private KeyValueStore<String, StatementHistory> history;
    private LocationResolver resolver;

    /**
     * @param historyStore   statement_id → StatementHistory
     * @param gazetteerStore the global gazetteer store
     */
    public StatementIntakeProcessor(Deserializer<MinistryStatement> deserializer, ConflictDefinition conflict, Duration horizon,
                                    String historyStore, String gazetteerStore) {
        this.deserializer = deserializer;
        this.historyStore = historyStore;
        this.gazetteerStore = gazetteerStore;
        this.validator = new StatementValidator(conflict);
        this.conflict = conflict;
        this.horizonMillis = horizon.toMillis();
    }

    @Override
    public void init(ProcessorContext<String, Routed> context) {
        this.context = context;
        this.history = context.getStateStore(historyStore);
        this.resolver = new LocationResolver(context.<KeyValueStore<String, Place>>getStateStore(gazetteerStore), conflict.nameRules(), conflict.days());
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        MinistryStatement statement;
        try {
            statement = decode(record);
        } catch (RuntimeException e) {
            if (registryUnavailable(e)) {
                // Not the record's fault: dead-lettering it would lose a good statement. Failing the task
                // makes Streams retry it from the last commit (the thread is replaced) until the registry answers.
                throw new StreamsException("The Schema Registry is unavailable while fetching the writer's schema of the record at "
                        + context.recordMetadata().map(m -> m.topic() + "-" + m.partition() + "@" + m.offset()).orElse("?")
                        + "; the record is retried, not dead-lettered", e);
            }
            // The decoder's own message says what is wrong and where (truncated, unknown schema id, ...); the root
            // cause alone can be as bare as "EOFException".
            reject(record, "value: cannot be decoded as a MinistryStatement: " + (e.getMessage() != null ? e.getMessage() : RootCause.message(e)));
            return;
        }
        String problem = problemWith(record, statement);
        if (problem != null) {
            reject(record, problem);
            return;
        }
        StatementHistory past = history.get(statement.getStatementId());
        switch (RevisionRules.decide(past, statement)) {
            case APPLY -> apply(record, statement, past);
            case DUPLICATE -> history.put(statement.getStatementId(), counted(past, 0, 1));
            case STALE -> history.put(statement.getStatementId(), counted(past, 1, 0));
            case CONFLICT -> reject(record, "revision: statement " + statement.getStatementId() + " revision "
                    + statement.getRevision() + " was already received with different content");
        }
    }

    private MinistryStatement decode(Record<byte[], byte[]> record) {
        if (record.value() == null) {
            throw new IllegalArgumentException("the record has no value (a tombstone)");
        }
        String topic = context.recordMetadata().map(RecordMetadata::topic).orElse("");
        // Read as Object: a record of another type (say a Place written to this topic) must be named as such,
        // not fail with a ClassCastException.
        Object decoded = ((Deserializer<?>) deserializer).deserialize(topic, record.headers(), record.value());
        if (decoded == null) {
            throw new IllegalArgumentException("the value decoded to nothing");
        }
        if (!(decoded instanceof MinistryStatement statement)) {
            throw new IllegalArgumentException("the value is a " + typeName(decoded) + " record, not a MinistryStatement");
        }
        return statement;
    }

    static String typeName(Object decoded) {
        return decoded instanceof org.apache.avro.generic.GenericContainer avro ? avro.getSchema().getFullName()
                : decoded.getClass().getName();
    }

    private String problemWith(Record<byte[], byte[]> record, MinistryStatement statement) {
        List<Violation> violations = new ArrayList<>(validator.validate(statement));
        String key = record.key() == null ? null : new String(record.key(), java.nio.charset.StandardCharsets.UTF_8);
        // Revisions of one id must meet in one partition, which only the key guarantees.
        if (statement.getStatementId() != null && !statement.getStatementId().equals(key)) {
            violations.add(new Violation("key", "the record key " + (key == null ? "(none)" : "'" + key + "'")
                    + " must equal statement_id '" + statement.getStatementId() + "'"));
        }
        if (violations.isEmpty()) {
            return null;
        }
        return violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
    }

    private void apply(Record<byte[], byte[]> record, MinistryStatement statement, StatementHistory past) {
        ResolvedStatement before = RevisionRules.active(past);
        ResolvedStatement after = resolve(record, statement);
        StatementHistory updated = past == null
                ? new StatementHistory(statement.getStatementId(), new ArrayList<>(), 0L, 0L)
                : StatementHistory.newBuilder(past).setRevisions(new ArrayList<>(past.getRevisions())).build();
        updated.getRevisions().add(after);
        history.put(statement.getStatementId(), updated);
        String key = statement.getStatementId();
        // Downstream records keep the log append time, not the incident time: a broker drops the state of
        // a producer whose last record is older than producer.id.expiration.ms (1 day), so transactional
        // writes of records stamped with the incidents of a back-filled history fail with
        // OutOfOrderSequenceException. Stream time, and with it the eviction of pairing candidates, is log time.
        if (after.getLate()) {
            context.forward(new Record<String, Routed>(key, new Routed.Late(statement), record.timestamp()));
        }
        ResolvedStatement added = statement.getRetracted() ? null : after;
        for (KeyValue<String, Routed> event : ChangeRouter.route(conflict, before, added)) {
            context.forward(new Record<>(event.key, event.value, record.timestamp()));
        }
        ResolvedStatement previous = past == null || past.getRevisions().isEmpty() ? null
                : past.getRevisions().get(past.getRevisions().size() - 1);
        for (KeyValue<String, Routed> event : CasualtyUpdateRouter.route(previous, after)) {
            context.forward(new Record<>(event.key, event.value, record.timestamp()));
        }
    }

    private ResolvedStatement resolve(Record<byte[], byte[]> record, MinistryStatement statement) {
        // One resolution per sector the location names, the first place of each, in the order written.
        Map<String, LocationResolver.Resolution> bySector = new LinkedHashMap<>();
        for (LocationResolver.Resolution place : resolver.resolveAll(statement.getLocation(), statement.getIncidentStart())) {
            bySector.putIfAbsent(place.sector(), place);
        }
        List<LocationResolver.Resolution> sectors = new ArrayList<>(bySector.values());
        LocationResolver.Resolution resolution = sectors.get(0);
        List<SectorPlace> others = new ArrayList<>();
        for (LocationResolver.Resolution other : sectors.subList(1, sectors.size())) {
            others.add(new SectorPlace(other.sector(), other.placeId(), other.precision()));
        }
        // Late when published more than the horizon after the incident it reports. This depends on the
        // statement alone, so it is the same for any partitioning, any arrival order and any replay, and a
        // history back-filled years later is judged as it was published, not as all late.
        boolean late = statement.getPublishedAt().toEpochMilli() - statement.getIncidentStart().toEpochMilli() > horizonMillis;
        RecordMetadata metadata = context.recordMetadata().orElse(null);
        return ResolvedStatement.newBuilder()
                .setStatement(statement)
                .setSector(resolution.sector())
                .setPlaceId(resolution.placeId())
                .setPlacePrecision(resolution.precision())
                .setOtherSectors(others)
                .setNormalisedLocation(resolution.normalised())
                .setLate(late)
                .setLogPartition(metadata == null ? -1 : metadata.partition())
                .setLogOffset(metadata == null ? -1 : metadata.offset())
                .setLogTimestamp(record.timestamp())
                .build();
    }

    private static StatementHistory counted(StatementHistory past, long stale, long duplicates) {
        return StatementHistory.newBuilder(past)
                .setStaleRevisionsIgnored(past.getStaleRevisionsIgnored() + stale)
                .setDuplicatesIgnored(past.getDuplicatesIgnored() + duplicates)
                .build();
    }

    private void reject(Record<byte[], byte[]> record, String reason) {
        RecordMetadata metadata = context.recordMetadata().orElse(null);
        String topic = metadata == null ? "" : metadata.topic();
        int partition = metadata == null ? -1 : metadata.partition();
        long offset = metadata == null ? -1 : metadata.offset();
        context.forward(new Record<String, Routed>(null, new Routed.DeadLetter(record.key(), record.value()), record.timestamp(),
                DeadLetterHeaders.of(record.headers(), reason, topic, partition, offset)));
    }

    /** A registry that did not answer (status 0) or failed (5xx): the schema id may well be valid. */
    private static boolean registryUnavailable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SchemaRegistryException registry) {
                return registry.status() == 0 || registry.status() >= 500;
            }
        }
        return false;
    }

    @Override
    public void close() {
        deserializer.close();
    }
}
