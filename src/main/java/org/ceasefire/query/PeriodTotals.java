package org.ceasefire.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.ceasefire.avro.SectorTally;

/**
 * DAY tallies summed per period, of each sector or of all sectors together. A period reaches from
 * its first to its last calendar day (a whole week or month), except a period of the whole range,
 * which reaches from the range's first to its last day, or from the first to the last day with data
 * where the range is open.
 *
 * @param sector the sector, or empty for all sectors together
 */
record PeriodTotals(Optional<String> sector, LocalDate start, LocalDate end, TallyTotals totals) {

    static List<PeriodTotals> of(Collection<SectorTally> days, PeriodUnit unit, DateRange range, boolean bySector) {
        Map<String, Map<LocalDate, TallyTotals>> grouped = new TreeMap<>();
        Map<String, LocalDate[]> dataSpan = new TreeMap<>();
        for (SectorTally day : days) {
            String key = bySector ? day.getSector() : "";
            grouped.computeIfAbsent(key, k -> new TreeMap<>())
                    .computeIfAbsent(unit.start(day.getPeriodStart()), s -> new TallyTotals())
                    .add(day);
            LocalDate[] span = dataSpan.computeIfAbsent(key, k -> new LocalDate[] {day.getPeriodStart(), day.getPeriodStart()});
            span[0] = day.getPeriodStart().isBefore(span[0]) ? day.getPeriodStart() : span[0];
            span[1] = day.getPeriodStart().isAfter(span[1]) ? day.getPeriodStart() : span[1];
        }
        List<PeriodTotals> periods = new ArrayList<>();
        grouped.forEach((key, byStart) -> byStart.forEach((start, totals) -> {
            LocalDate[] span = dataSpan.get(key);
            LocalDate first = unit == PeriodUnit.ALL ? (range.openStart() ? span[0] : range.from()) : start;
            LocalDate last = unit == PeriodUnit.ALL ? (range.openEnd() ? span[1] : range.to()) : unit.end(start);
            periods.add(new PeriodTotals(key.isEmpty() ? Optional.empty() : Optional.of(key), first, last, totals));
        }));
        return periods;
    }
}
