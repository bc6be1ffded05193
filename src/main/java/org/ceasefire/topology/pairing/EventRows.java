package org.ceasefire.topology.pairing;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A store as one event sees it: reads go through to the store once, writes go to both. An event reads
 * back the rows it has just written (a pair's links, then the pair to publish it), and every store read
 * is a deserialization. Cleared at the start of every event, so it never holds more than one event's rows.
 */
final class EventRows<V> {
    private final KeyValueStore<String, V> store;
    /** Key → the row as this event last saw it; a present key with a null value is a known absence. */
    private final Map<String, V> seen = new HashMap<>();

    EventRows(KeyValueStore<String, V> store) {
        this.store = store;
    }

    void clear() {
        seen.clear();
    }

    V get(String key) {
        if (seen.containsKey(key)) {
            return seen.get(key);
        }
        V value = store.get(key);
        seen.put(key, value);
        return value;
    }

    void put(String key, V value) {
        seen.put(key, value);
        store.put(key, value);
    }

    void delete(String key) {
        seen.put(key, null);
        store.delete(key);
    }
}
