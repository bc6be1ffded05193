package org.ceasefire.topology.tally;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The tally keys changed since they were last published, each with the log time of the earliest
 * statement that changed it (the published tally carries that timestamp, so end-to-end latency is
 * measured from the first change it reflects). The marks live in a changelogged store written in the
 * same transaction as the tallies they mark: a crash between a change and its publication loses nothing,
 * the restored marks are published after the restart.
 */
public final class ChangedTallies {
    private final KeyValueStore<String, Long> store;
    /** The keys marked since the last drain, so that a hot key is written once per drain, not once per event. */
    private final Set<String> marked = new HashSet<>();

    public ChangedTallies(KeyValueStore<String, Long> store) {
        this.store = store;
    }

    void mark(String key, long timestamp) {
        if (marked.add(key) && store.get(key) == null) {
            store.put(key, timestamp);
        }
    }

    /** Every mark, oldest first by key; each is removed as it is returned. */
    List<KeyValue<String, Long>> drain() {
        List<KeyValue<String, Long>> all = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = store.all()) {
            it.forEachRemaining(all::add);
        }
        all.forEach(entry -> store.delete(entry.key));
        marked.clear();
        return all;
    }
}
