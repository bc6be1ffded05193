package org.ceasefire.topology;

import java.util.Map;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.Place;
import org.ceasefire.avro.SectorTally;
import org.ceasefire.avro.internal.CasualtyNode;
import org.ceasefire.avro.internal.PairEvent;
import org.ceasefire.avro.internal.SectorEvent;
import org.ceasefire.avro.internal.StatementEvent;
import org.ceasefire.topology.intake.StatementIntakeProcessor;
import org.ceasefire.topology.output.PairOutputProcessor;
import org.ceasefire.topology.pairing.SectorProcessor;
import org.ceasefire.topology.references.ReferencePairingProcessor;
import org.ceasefire.topology.updates.CasualtyUpdateProcessor;

/**
 * Builds the whole Kafka Streams topology from configuration; it does no I/O.
 *
 * <pre>
 * statements (bytes) ─▶ A: intake, keyed by statement_id ─┬─▶ DLQ (original bytes + reason headers)
 *                        (decode, validate, resolve place,   ├─▶ late topic
 *                         revisions)                         ├─▶ [references] C: keyed by accused id ─┐
 *                                                            └──────────────────────────────────────────┴▶ [sector-events]
 * gazetteer ─▶ global store (places + name index)                                                             │
 * B: keyed by sector (time pairing, corroboration, tallies) ◀────────────────────────────────────────────────┘
 *    (a whole-front calm report is sent once more to every partition: each task pairs it with its own sectors' accusations)
 *    ├─▶ sector-tallies topic (each changed tally once per commit interval)
 *    └─▶ [pair-events] D: keyed by pair id (single writer per pair) ─▶ contradictions topic
 * </pre>
 * The stages live in the subpackages {@code intake}, {@code references}, {@code pairing} (B), {@code tally}
 * (B's tallies) and {@code output} (D); docs/architecture.md describes them, their keys and their stores.
 * Every topic, repartition topic and store changelog carries Avro values (String keys); only the
 * DLQ keeps the rejected record's original bytes.
 */
public final class CeasefireTopology {
    /** Global: {@code place|<id>}, {@code name|<normalised name>}, {@code skel|<skeleton>} → {@link Place}. */
    public static final String GAZETTEER_STORE = "ceasefire-gazetteer";
    /** statement_id → StatementHistory: every applied revision, oldest first; the last is current (may be a retraction). */
    public static final String STATEMENT_HISTORY_STORE = "ceasefire-statement-history";
    /** accused statement id → ReferenceGroup: the accusation and the denials that name it in refers_to. */
    public static final String REFERENCES_STORE = "ceasefire-references";
    /**
     * {@code scope|CLAIM|<incident epoch millis, 15 digits>|statement_id} → PairingCandidate: what pairing by time
     * needs of the statements that can still pair, bounded by eviction. The scope is a sector, or empty for what a
     * task's sectors share (whole-front calms and an index of the accusations they can answer).
     */
    public static final String PAIRING_STORE = "ceasefire-pairing";
    /** {@code <log epoch millis, 15 digits>|<pairing store key>} → that key: the pairing candidates in eviction order. */
    public static final String PAIRING_BY_LOG_TIME_STORE = "ceasefire-pairing-by-log-time";
    /** {@code scope|statement_id} → ResolvedStatement: the full statement, kept once, read when a pair is published. */
    public static final String SECTOR_STATEMENTS_STORE = "ceasefire-sector-statements";
    /** {@code sector|pair_id} → SectorPair: a pair's ids, kind and state (time-based and/or refers_to), before corroboration. */
    public static final String SECTOR_PAIRS_STORE = "ceasefire-sector-pairs";
    /** {@code scope|statement_id|pair_id} → the pair's sector: which pairs a statement is part of. */
    public static final String PAIR_MEMBERS_STORE = "ceasefire-pair-members";
    /** {@code sector|accusation|<|observation} and {@code sector|observation|>|accusation} → the other id. */
    public static final String CORROBORATIONS_STORE = "ceasefire-corroborations";
    /** {@code sector|accusation_id} → AccusationLinks: its pair and corroboration counts (unanswered or not). */
    public static final String ACCUSATION_LINKS_STORE = "ceasefire-accusation-links";
    /** raw location as written → UnresolvedName (normalised form, number of active statements naming it). */
    public static final String UNRESOLVED_NAMES_STORE = "ceasefire-unresolved-names";
    /** {@code sector|DAY|yyyy-mm-dd} → SectorTally of that day; range-scan a sector's days by that prefix. */
    public static final String DAY_TALLIES_STORE = "ceasefire-day-tallies";
    /** {@code sector|ROLLING_7D}, {@code sector|ROLLING_30D}, {@code sector|ALL_TIME} → SectorTally. */
    public static final String CURRENT_TALLIES_STORE = "ceasefire-current-tallies";
    /** Tally keys changed since last published → log time of the earliest change (see ChangedTallies). */
    public static final String CHANGED_TALLIES_STORE = "ceasefire-changed-tallies";
    /** {@code issuer|statement_id} → CasualtyNode: a statement in its issuer's chains of casualty updates. */
    public static final String CASUALTY_NODES_STORE = "ceasefire-casualty-nodes";
    /** {@code issuer|target|updater} → updater id: which statements name the target in {@code updates}. */
    public static final String CASUALTY_UPDATERS_STORE = "ceasefire-casualty-updaters";
    /** {@code sector|statement_id|issuer} → CasualtySupersession: a statement whose figures a later one of that issuer replaces. */
    public static final String CASUALTY_SUPERSESSIONS_STORE = "ceasefire-casualty-supersessions";
    /** pair_id → PairAssertions: the pair as each sector asserts it. */
    public static final String PAIR_ASSERTIONS_STORE = "ceasefire-pair-assertions";

    /** Names of the repartition topics (prefixed by Streams with the application id, suffixed with -repartition). */
    static final String REFERENCES_REPARTITION = "references";
    static final String SECTOR_REPARTITION = "sector-events";
    static final String PAIR_REPARTITION = "pair-events";
    static final String CASUALTY_UPDATES_REPARTITION = "casualty-updates";

    /** Where the stores keep their state. */
    public enum State {
        /** RocksDB on disk, each store backed by a changelog topic: the running application. */
        DURABLE,
        /**
         * RocksDB without changelogs: for a run that starts from nothing and is thrown away afterwards, the
         * offline replay, where changelog records would be produced for nobody.
         */
        TRANSIENT
    }

    private CeasefireTopology() {
    }

    public static Topology build(TopologyConfig config) {
        return build(config, State.DURABLE);
    }

    public static Topology build(TopologyConfig config, State state) {
        StreamsBuilder builder = new StreamsBuilder();
        TopologySerdes serdes = new TopologySerdes(config.serdeConfig());
        addGazetteer(builder, config, serdes);
        StoreCatalogue.builders(serdes, state).forEach(builder::addStateStore);

        Map<String, KStream<String, Routed>> intake = builder
                .stream(config.topics().statements(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("statements"))
                .process(() -> new StatementIntakeProcessor(serdes.<MinistryStatement>value().deserializer(), config.conflict(),
                        config.horizon(), STATEMENT_HISTORY_STORE, GAZETTEER_STORE), Named.as("intake"), STATEMENT_HISTORY_STORE)
                .split(Named.as("intake-"))
                .branch((key, value) -> value instanceof Routed.DeadLetter, Branched.as("dlq"))
                .branch((key, value) -> value instanceof Routed.Late, Branched.as("late"))
                .branch((key, value) -> value instanceof Routed.ToReferences, Branched.as("references"))
                .branch((key, value) -> value instanceof Routed.ToSector, Branched.as("sectors"))
                .branch((key, value) -> value instanceof Routed.ToCasualtyUpdates, Branched.as("casualty-updates"))
                .noDefaultBranch();

        intake.get("intake-dlq")
                .map((key, value) -> KeyValue.pair(((Routed.DeadLetter) value).key(), ((Routed.DeadLetter) value).value()),
                        Named.as("dlq-bytes"))
                .to(config.topics().deadLetters(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        intake.get("intake-late")
                .mapValues(value -> ((Routed.Late) value).statement(), Named.as("late-statements"))
                .to(config.topics().late(), Produced.with(Serdes.String(), serdes.<MinistryStatement>value()));

        KStream<String, SectorEvent> referred = intake.get("intake-references")
                .mapValues(value -> ((Routed.ToReferences) value).event(), Named.as("reference-events"))
                .repartition(Repartitioned.<String, StatementEvent>with(Serdes.String(), serdes.value()).withName(REFERENCES_REPARTITION))
                .process(() -> new ReferencePairingProcessor(config.conflict(), REFERENCES_STORE), Named.as("reference-pairing"),
                        REFERENCES_STORE);

        KStream<String, SectorEvent> superseded = intake.get("intake-casualty-updates")
                .mapValues(value -> ((Routed.ToCasualtyUpdates) value).node(), Named.as("casualty-nodes"))
                .repartition(Repartitioned.<String, CasualtyNode>with(Serdes.String(), serdes.value()).withName(CASUALTY_UPDATES_REPARTITION))
                .process(() -> new CasualtyUpdateProcessor(CASUALTY_NODES_STORE, CASUALTY_UPDATERS_STORE), Named.as("casualty-updates"),
                        CASUALTY_NODES_STORE, CASUALTY_UPDATERS_STORE);

        SectorProcessor.Stores sectorStores = new SectorProcessor.Stores(PAIRING_STORE, PAIRING_BY_LOG_TIME_STORE, SECTOR_STATEMENTS_STORE,
                SECTOR_PAIRS_STORE, PAIR_MEMBERS_STORE, CORROBORATIONS_STORE, ACCUSATION_LINKS_STORE, UNRESOLVED_NAMES_STORE,
                DAY_TALLIES_STORE, CURRENT_TALLIES_STORE, CHANGED_TALLIES_STORE, CASUALTY_SUPERSESSIONS_STORE);
        Map<String, KStream<String, Routed>> sectorOut = intake.get("intake-sectors")
                .mapValues(value -> ((Routed.ToSector) value).event(), Named.as("sector-events"))
                .merge(referred, Named.as("all-sector-events"))
                .merge(superseded, Named.as("sector-and-casualty-events"))
                .repartition(Repartitioned.<String, SectorEvent>with(Serdes.String(), serdes.value()).withName(SECTOR_REPARTITION)
                        .withStreamPartitioner(new SectorEventPartitioner(config.conflict())))
                .process(() -> new SectorProcessor(config, sectorStores), Named.as("sector"), PAIRING_STORE, PAIRING_BY_LOG_TIME_STORE,
                        SECTOR_STATEMENTS_STORE, SECTOR_PAIRS_STORE, PAIR_MEMBERS_STORE, CORROBORATIONS_STORE, ACCUSATION_LINKS_STORE,
                        UNRESOLVED_NAMES_STORE, DAY_TALLIES_STORE, CURRENT_TALLIES_STORE, CHANGED_TALLIES_STORE, CASUALTY_SUPERSESSIONS_STORE)
                .split(Named.as("sector-"))
                .branch((key, value) -> value instanceof Routed.Tally, Branched.as("tallies"))
                .branch((key, value) -> value instanceof Routed.ToPairOutput, Branched.as("pairs"))
                .noDefaultBranch();

        sectorOut.get("sector-tallies")
                .mapValues(value -> ((Routed.Tally) value).tally(), Named.as("tallies"))
                .to(config.topics().sectorTallies(), Produced.with(Serdes.String(), serdes.<SectorTally>value()));
        sectorOut.get("sector-pairs")
                .mapValues(value -> ((Routed.ToPairOutput) value).event(), Named.as("pair-events"))
                .repartition(Repartitioned.<String, PairEvent>with(Serdes.String(), serdes.value()).withName(PAIR_REPARTITION))
                .process(() -> new PairOutputProcessor(PAIR_ASSERTIONS_STORE), Named.as("pair-output"), PAIR_ASSERTIONS_STORE)
                .to(config.topics().contradictions(), Produced.with(Serdes.String(), serdes.<ClaimContradiction>value()));
        return builder.build();
    }

    /**
     * The gazetteer as a global store maintained by a processor (not a plain GlobalKTable), so that the
     * name index is kept beside the places, corrections and removals included; on restore the topic is
     * replayed through the same processor.
     */
    private static void addGazetteer(StreamsBuilder builder, TopologyConfig config, TopologySerdes serdes) {
        StoreBuilder<KeyValueStore<String, Place>> store = Stores
                .keyValueStoreBuilder(Stores.persistentKeyValueStore(GAZETTEER_STORE), Serdes.String(), serdes.<Place>value())
                .withLoggingDisabled();
        builder.addGlobalStore(store, config.topics().gazetteer(),
                Consumed.<String, Place>with(Serdes.String(), serdes.value()).withName("gazetteer"),
                () -> new GazetteerProcessor(config.conflict().id()));
    }
}
