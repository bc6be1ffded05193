package org.ceasefire.topology.tally;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.ceasefire.avro.PeriodKind;
import org.ceasefire.avro.SectorTally;
import org.ceasefire.topology.SectorKeys;

/**
 * Publishes each changed tally once, from a punctuator that runs once per commit interval: a day or a
 * sector's all-time tally changed by a thousand events in that interval is one record on the tallies
 * topic, not a thousand. A sector whose all-time tally changed also gets its rolling windows computed
 * afresh: the 7 or 30 days ending on the latest day that has a tally in the sector (the latest incident
 * day of its active statements), so they depend only on the input, never on the wall clock.
 */
public final class TallyPublisher {
    /** Receives a tally to publish: its key, its value (null: withdrawn) and the record timestamp. */
    public interface Sink {
        void publish(String key, SectorTally tally, long timestamp);
    }

    private static final String ALL_TIME_SUFFIX = SectorKeys.SEPARATOR + PeriodKind.ALL_TIME;
    /** {@code |DAY|yyyy-mm-dd} after the sector in a day key. */
    private static final int DAY_SUFFIX_LENGTH = (SectorKeys.SEPARATOR + PeriodKind.DAY + SectorKeys.SEPARATOR).length() + 10;

    private final KeyValueStore<String, SectorTally> days;
    private final KeyValueStore<String, SectorTally> current;
    private final ChangedTallies changed;

    public TallyPublisher(KeyValueStore<String, SectorTally> days, KeyValueStore<String, SectorTally> current, ChangedTallies changed) {
        this.days = days;
        this.current = current;
        this.changed = changed;
    }

    public void publishChanged(Sink sink) {
        // Days first, then each sector's all-time and rolling tallies, which need to know which days changed.
        Map<String, List<LocalDate>> changedDays = new HashMap<>();
        Map<String, Long> sectorsChanged = new LinkedHashMap<>();
        for (KeyValue<String, Long> mark : changed.drain()) {
            String key = mark.key;
            if (key.endsWith(ALL_TIME_SUFFIX)) {
                sectorsChanged.put(key.substring(0, key.length() - ALL_TIME_SUFFIX.length()), mark.value);
            } else {
                SectorTally day = days.get(key);
                sink.publish(key, day, mark.value);
                String sector = key.substring(0, key.length() - DAY_SUFFIX_LENGTH);
                changedDays.computeIfAbsent(sector, s -> new ArrayList<>()).add(LocalDate.parse(key.substring(key.length() - 10)));
            }
        }
        sectorsChanged.forEach((sector, timestamp) -> {
            String allTime = SectorKeys.current(sector, PeriodKind.ALL_TIME);
            sink.publish(allTime, current.get(allTime), timestamp);
            LocalDate latest = latestDay(sector, changedDays.getOrDefault(sector, List.of()));
            rolling(sector, PeriodKind.ROLLING_7D, 7, latest, (k, tally) -> sink.publish(k, tally, timestamp));
            rolling(sector, PeriodKind.ROLLING_30D, 30, latest, (k, tally) -> sink.publish(k, tally, timestamp));
        });
    }

    /**
     * The latest day with a tally in the sector: the end of its rolling windows before these changes
     * (the stored 7-day window's end), moved by the days that changed. The day tallies are searched only
     * when the latest day has just lost its last statement.
     */
    private LocalDate latestDay(String sector, List<LocalDate> changedDays) {
        SectorTally week = current.get(SectorKeys.current(sector, PeriodKind.ROLLING_7D));
        LocalDate latest = week == null ? null : week.getPeriodEnd();
        boolean latestEmptied = false;
        for (LocalDate day : changedDays) {
            boolean present = days.get(SectorKeys.day(sector, day)) != null;
            if (present && (latest == null || day.isAfter(latest))) {
                latest = day;
            } else if (!present && day.equals(latest)) {
                latestEmptied = true;
            }
        }
        if (latestEmptied && latest != null && days.get(SectorKeys.day(sector, latest)) == null) {
            return searchLatestDay(sector);
        }
        return latest;
    }

    /** Recomputes a rolling window from the day tallies and publishes it if it differs from the stored one. */
    private void rolling(String sector, PeriodKind kind, int length, LocalDate latest, BiConsumer<String, SectorTally> publish) {
        String key = SectorKeys.current(sector, kind);
        SectorTally window = null;
        if (latest != null) {
            LocalDate first = latest.minusDays(length - 1L);
            TallyCounts counts = new TallyCounts();
            try (KeyValueIterator<String, SectorTally> it = days.range(SectorKeys.day(sector, first), SectorKeys.day(sector, latest))) {
                it.forEachRemaining(day -> {
                    if (day.value != null) {
                        counts.add(TallyCounts.of(day.value), 1);
                    }
                });
            }
            window = counts.toTally(sector, kind, first, latest);
        }
        SectorTally stored = current.get(key);
        if (Objects.equals(stored, window)) {
            return;
        }
        if (window == null) {
            current.delete(key);
        } else {
            current.put(key, window);
        }
        publish.accept(key, window);
    }

    private LocalDate searchLatestDay(String sector) {
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
}
