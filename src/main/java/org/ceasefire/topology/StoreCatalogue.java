package org.ceasefire.topology;

import java.util.List;
import java.util.function.Function;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Every state store of the stages (the gazetteer's global store aside): its name, the serde of its
 * values (keys are Strings) and how it is built. The names are {@link CeasefireTopology}'s constants;
 * processors receive them through their constructors.
 */
final class StoreCatalogue {
    /** One store: Avro values unless a plain serde is named; in memory when its entries churn and stay few. */
    private record Entry(String name, Function<TopologySerdes, Serde<?>> values, boolean inMemory) {
        static Entry avro(String name) {
            return new Entry(name, TopologySerdes::value, false);
        }
    }

    private static final List<Entry> ENTRIES = List.of(
            Entry.avro(CeasefireTopology.STATEMENT_HISTORY_STORE),
            Entry.avro(CeasefireTopology.REFERENCES_STORE),
            Entry.avro(CeasefireTopology.PAIRING_STORE),
            new Entry(CeasefireTopology.PAIRING_BY_LOG_TIME_STORE, serdes -> Serdes.String(), false),
            Entry.avro(CeasefireTopology.SECTOR_STATEMENTS_STORE),
            Entry.avro(CeasefireTopology.SECTOR_PAIRS_STORE),
            new Entry(CeasefireTopology.PAIR_MEMBERS_STORE, serdes -> Serdes.String(), false),
            new Entry(CeasefireTopology.CORROBORATIONS_STORE, serdes -> Serdes.String(), false),
            Entry.avro(CeasefireTopology.ACCUSATION_LINKS_STORE),
            Entry.avro(CeasefireTopology.UNRESOLVED_NAMES_STORE),
            Entry.avro(CeasefireTopology.DAY_TALLIES_STORE),
            Entry.avro(CeasefireTopology.CURRENT_TALLIES_STORE),
            // Marks are written and drained within about one commit interval: a few hundred entries at any time.
            new Entry(CeasefireTopology.CHANGED_TALLIES_STORE, serdes -> Serdes.Long(), true),
            Entry.avro(CeasefireTopology.PAIR_ASSERTIONS_STORE),
            Entry.avro(CeasefireTopology.CASUALTY_NODES_STORE),
            new Entry(CeasefireTopology.CASUALTY_UPDATERS_STORE, serdes -> Serdes.String(), false),
            Entry.avro(CeasefireTopology.CASUALTY_SUPERSESSIONS_STORE));

    private StoreCatalogue() {
    }

    static List<StoreBuilder<?>> builders(TopologySerdes serdes, CeasefireTopology.State state) {
        return ENTRIES.stream().<StoreBuilder<?>>map(entry -> builder(entry, serdes, state)).toList();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static StoreBuilder<KeyValueStore<String, Object>> builder(Entry entry, TopologySerdes serdes, CeasefireTopology.State state) {
        KeyValueBytesStoreSupplier supplier = entry.inMemory() ? Stores.inMemoryKeyValueStore(entry.name())
                : Stores.persistentKeyValueStore(entry.name());
        StoreBuilder<KeyValueStore<String, Object>> builder = Stores.keyValueStoreBuilder(supplier, Serdes.String(), (Serde) entry.values().apply(serdes));
        // Cached: a hot key (a sector's all-time tally) reaches RocksDB and the changelog once per commit, not once per record.
        builder.withCachingEnabled();
        return state == CeasefireTopology.State.TRANSIENT ? builder.withLoggingDisabled() : builder;
    }
}
