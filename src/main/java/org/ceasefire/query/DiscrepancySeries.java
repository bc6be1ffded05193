package org.ceasefire.query;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.ceasefire.avro.SectorTally;
import org.ceasefire.conflict.ConflictDefinition;
import org.ceasefire.conflict.Side;

/**
 * Folds DAY tallies into weekly accusation counts per side. Sides come from the conflict
 * definition, so an issuer is attributed to whichever side lists it; monitors accuse no one and
 * issuers unknown to the definition are left out rather than guessed.
 */
public final class DiscrepancySeries {
    private final ConflictDefinition conflict;

    public DiscrepancySeries(ConflictDefinition conflict) {
        this.conflict = conflict;
    }

    /** One entry per sector and ISO week that has at least one DAY tally, ordered by sector then week. */
    public List<DiscrepancyWeek> weekly(Collection<SectorTally> dayTallies) {
        Map<String, Map<LocalDate, Map<String, Long>>> bySectorWeek = new TreeMap<>();
        for (SectorTally day : dayTallies) {
            LocalDate monday = day.getPeriodStart().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            Map<String, Long> sides = bySectorWeek
                    .computeIfAbsent(day.getSector(), s -> new TreeMap<>())
                    .computeIfAbsent(monday, m -> emptySides());
            day.getAccusations().forEach((issuer, count) ->
                    conflict.sideOf(issuer).ifPresent(side -> sides.merge(side.id(), count, Long::sum)));
        }
        List<DiscrepancyWeek> weeks = new ArrayList<>();
        bySectorWeek.forEach((sector, byWeek) -> byWeek.forEach((monday, sides) ->
                weeks.add(new DiscrepancyWeek(sector, isoWeek(monday), monday, sides))));
        weeks.sort(Comparator.comparing(DiscrepancyWeek::sector).thenComparing(DiscrepancyWeek::weekStart));
        return weeks;
    }

    private Map<String, Long> emptySides() {
        Map<String, Long> sides = new LinkedHashMap<>();
        for (Side side : List.of(conflict.sideOne(), conflict.sideTwo())) {
            sides.put(side.id(), 0L);
        }
        return sides;
    }

    static String isoWeek(LocalDate day) {
        return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
