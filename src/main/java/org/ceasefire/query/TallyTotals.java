package org.ceasefire.query;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import org.ceasefire.avro.PeriodKind;
import org.ceasefire.avro.SectorTally;

/**
 * Adds DAY tallies together: every count map entry by entry, the two totals as numbers. Windows
 * and periods chosen by the reader (a common 7-day window, a month) are sums of DAY tallies, so
 * they are exact whatever windows the topology itself keeps.
 */
final class TallyTotals {
    private final Map<String, Long> statements = new TreeMap<>();
    private final Map<String, Long> accusations = new TreeMap<>();
    private final Map<String, Long> denials = new TreeMap<>();
    private final Map<String, Long> calmReports = new TreeMap<>();
    private final Map<String, Long> observations = new TreeMap<>();
    private final Map<String, Long> killed = new TreeMap<>();
    private final Map<String, Long> wounded = new TreeMap<>();
    private final Map<String, Long> civilian = new TreeMap<>();
    private final Map<String, Long> contradictions = new TreeMap<>();
    private long unanswered;
    private long corroborations;

    TallyTotals add(SectorTally day) {
        merge(statements, day.getStatements());
        merge(accusations, day.getAccusations());
        merge(denials, day.getDenials());
        merge(calmReports, day.getCalmReports());
        merge(observations, day.getObservations());
        merge(killed, day.getKilledClaimed());
        merge(wounded, day.getWoundedClaimed());
        merge(civilian, day.getCivilianCasualtiesClaimed());
        merge(contradictions, day.getContradictions());
        unanswered += day.getUnansweredAccusations();
        corroborations += day.getCorroborations();
        return this;
    }

    private static void merge(Map<String, Long> into, Map<String, Long> counts) {
        counts.forEach((key, count) -> into.merge(key, count, Long::sum));
    }

    Map<String, Long> statements() {
        return statements;
    }

    Map<String, Long> accusations() {
        return accusations;
    }

    /** Killed as claimed, keyed issuer&gt;party. */
    Map<String, Long> killed() {
        return killed;
    }

    Map<String, Long> wounded() {
        return wounded;
    }

    Map<String, Long> civilian() {
        return civilian;
    }

    long contradictionCount() {
        return contradictions.values().stream().mapToLong(Long::longValue).sum();
    }

    long unanswered() {
        return unanswered;
    }

    /** The sum as a tally of the given sector, kind and days. */
    SectorTally toTally(String sector, PeriodKind kind, LocalDate start, LocalDate end) {
        return SectorTally.newBuilder()
                .setSector(sector)
                .setPeriodKind(kind)
                .setPeriodStart(start)
                .setPeriodEnd(end)
                .setStatements(new TreeMap<>(statements))
                .setAccusations(new TreeMap<>(accusations))
                .setDenials(new TreeMap<>(denials))
                .setCalmReports(new TreeMap<>(calmReports))
                .setObservations(new TreeMap<>(observations))
                .setKilledClaimed(new TreeMap<>(killed))
                .setWoundedClaimed(new TreeMap<>(wounded))
                .setCivilianCasualtiesClaimed(new TreeMap<>(civilian))
                .setContradictions(new TreeMap<>(contradictions))
                .setUnansweredAccusations(unanswered)
                .setCorroborations(corroborations)
                .build();
    }
}
