package org.ceasefire.topology.tally;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.streams.state.KeyValueStore;
import org.ceasefire.avro.PeriodKind;
import org.ceasefire.avro.SectorTally;
import org.ceasefire.topology.SectorKeys;

/**
 * Applies an event's tally changes to the day tallies and the all-time tallies, and marks what changed
 * for {@link TallyPublisher}: the day, and the sector's all-time key, which stands for its all-time and rolling tallies. A day or all-time tally whose counts are all zero is deleted.
 */
public final class TallyStore {
    private final KeyValueStore<String, SectorTally> days;
    private final KeyValueStore<String, SectorTally> current;
    private final ChangedTallies changed;

    public TallyStore(KeyValueStore<String, SectorTally> days, KeyValueStore<String, SectorTally> current, ChangedTallies changed) {
        this.days = days;
        this.current = current;
        this.changed = changed;
    }

    public void apply(TallyChanges changes, long timestamp) {
        Map<String, TallyCounts> totals = new HashMap<>();
        changes.bySectorDay().forEach((sectorDay, change) -> {
            if (change.isEmpty()) {
                return;
            }
            String sector = sectorDay.sector();
            LocalDate day = sectorDay.day();
            String key = SectorKeys.day(sector, day);
            add(days, key, change, counts -> counts.toTally(sector, PeriodKind.DAY, day, day));
            changed.mark(key, timestamp);
            totals.computeIfAbsent(sector, s -> new TallyCounts()).add(change, 1);
        });
        totals.forEach((sector, total) -> {
            String key = SectorKeys.current(sector, PeriodKind.ALL_TIME);
            if (!total.isEmpty()) {
                add(current, key, total, counts -> counts.toTally(sector, PeriodKind.ALL_TIME, null, null));
            }
            // Even when the total is unchanged (a statement moved between days) the rolling windows may have moved.
            changed.mark(key, timestamp);
        });
    }

    private static void add(KeyValueStore<String, SectorTally> store, String key, TallyCounts change,
                            java.util.function.Function<TallyCounts, SectorTally> toTally) {
        TallyCounts counts = TallyCounts.of(store.get(key));
        counts.add(change, 1);
        if (counts.isEmpty()) {
            store.delete(key);
        } else {
            store.put(key, toTally.apply(counts));
        }
    }
}
