package org.ceasefire.topology;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.ceasefire.avro.PeriodKind;
import org.ceasefire.avro.SectorTally;

/**
 * Applies the exact changes of one event to a sector's tallies: the days touched, the rolling windows
 * and all time. A rolling window is the 7 or 30 days ending on the latest day that has a tally in the
 * sector (the latest incident day of its active statements), so it depends only on the input, never on
 * the wall clock. A tally whose counts are all zero is deleted and published as a tombstone.
 */
final class TallyPublisher {
    private final KeyValueStore<String, SectorTally> days;
    private final KeyValueStore<String, SectorTally> current;

    TallyPublisher(KeyValueStore<String, SectorTally> days, KeyValueStore<String, SectorTally> current) {
        this.days = days;
        this.current = current;
    }

    /** {@code publish} receives each changed tally's key and value (null: withdrawn). */
    void apply(String sector, Map<LocalDate, TallyCounts> changes, BiConsumer<String, SectorTally> publish) {
        TallyCounts total = new TallyCounts();
        SectorTally week = current.get(SectorKeys.current(sector, PeriodKind.ROLLING_7D));
        // The latest day with a tally: the end of the rolling windows before this event, moved by what it changed.
        LocalDate latest = week == null ? null : week.getPeriodEnd();
        boolean latestEmptied = false;
        for (Map.Entry<LocalDate, TallyCounts> change : changes.entrySet()) {
            if (change.getValue().isEmpty()) {
                continue;
            }
            LocalDate day = change.getKey();
            String key = SectorKeys.day(sector, day);
            SectorTally before = days.get(key);
            TallyCounts counts = TallyCounts.of(before);
            counts.add(change.getValue(), 1);
            store(days, key, before, counts.isEmpty() ? null : counts.toTally(sector, PeriodKind.DAY, day, day), publish);
            total.add(change.getValue(), 1);
            if (counts.isEmpty()) {
                latestEmptied |= day.equals(latest);
            } else if (latest == null || day.isAfter(latest)) {
                latest = day;
            }
        }
        if (total.isEmpty()) {
            return;
        }
        String allTimeKey = SectorKeys.current(sector, PeriodKind.ALL_TIME);
        SectorTally allTimeBefore = current.get(allTimeKey);
        TallyCounts allTime = TallyCounts.of(allTimeBefore);
        allTime.add(total, 1);
        store(current, allTimeKey, allTimeBefore, allTime.isEmpty() ? null : allTime.toTally(sector, PeriodKind.ALL_TIME, null, null), publish);
        if (latestEmptied) {
            // Only when the latest day has just lost its last statement must the store be searched for the new one.
            latest = latestDay(sector);
        }
        rolling(sector, PeriodKind.ROLLING_7D, 7, week, latest, changes, publish);
        rolling(sector, PeriodKind.ROLLING_30D, 30, current.get(SectorKeys.current(sector, PeriodKind.ROLLING_30D)), latest, changes,
                publish);
    }

    private void rolling(String sector, PeriodKind kind, int length, SectorTally stored, LocalDate latest,
                         Map<LocalDate, TallyCounts> changes, BiConsumer<String, SectorTally> publish) {
        String key = SectorKeys.current(sector, kind);
        if (latest == null) {
            store(current, key, stored, null, publish);
            return;
        }
        LocalDate first = latest.minusDays(length - 1L);
        TallyCounts counts;
        if (stored != null && latest.equals(stored.getPeriodEnd())) {
            counts = TallyCounts.of(stored);
            changes.forEach((day, change) -> {
                if (!day.isBefore(first) && !day.isAfter(latest)) {
                    counts.add(change, 1);
                }
            });
        } else {
            // The window moved: sum its days afresh (at most 30 entries).
            counts = new TallyCounts();
            try (KeyValueIterator<String, SectorTally> it = days.range(SectorKeys.day(sector, first), SectorKeys.day(sector, latest))) {
                while (it.hasNext()) {
                    SectorTally day = it.next().value;
                    if (day != null) {
                        counts.add(TallyCounts.of(day), 1);
                    }
                }
            }
        }
        store(current, key, stored, counts.toTally(sector, kind, first, latest), publish);
    }

    private LocalDate latestDay(String sector) {
        String prefix = SectorKeys.dayPrefix(sector);
        try (KeyValueIterator<String, SectorTally> it = days.reverseRange(prefix, prefix + "\uffff")) {
            // A day deleted in this commit interval can still show in a cached store's range as a null value.
            while (it.hasNext()) {
                KeyValue<String, SectorTally> last = it.next();
                if (last.value != null) {
                    return last.value.getPeriodEnd();
                }
            }
            return null;
        }
    }

    /** Writes and publishes {@code tally} (null: delete) unless it equals {@code before}, the stored value. */
    private static void store(KeyValueStore<String, SectorTally> store, String key, SectorTally before, SectorTally tally,
                              BiConsumer<String, SectorTally> publish) {
        if (Objects.equals(before, tally)) {
            return;
        }
        if (tally == null) {
            store.delete(key);
        } else {
            store.put(key, tally);
        }
        publish.accept(key, tally);
    }
}
