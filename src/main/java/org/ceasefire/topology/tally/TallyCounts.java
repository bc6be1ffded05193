package org.ceasefire.topology.tally;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.ceasefire.avro.PeriodKind;
import org.ceasefire.avro.SectorTally;

/**
 * The counts of a tally as plain sums, so that contributions can be added and subtracted exactly.
 * Zero entries are removed after every operation, so two equal sums have equal maps (and equal bytes).
 */
public final class TallyCounts {
    public static final String STATEMENTS = "statements";
    public static final String ACCUSATIONS = "accusations";
    public static final String DENIALS = "denials";
    public static final String CALM_REPORTS = "calm_reports";
    public static final String OBSERVATIONS = "observations";
    public static final String KILLED = "killed_claimed";
    public static final String WOUNDED = "wounded_claimed";
    /** Deprecated in the output, kept with its meaning: civilian killed plus wounded. */
    public static final String CIVILIAN = "civilian_casualties_claimed";
    public static final String CIVILIAN_KILLED = "civilian_killed_claimed";
    public static final String CIVILIAN_WOUNDED = "civilian_wounded_claimed";
    public static final String CAPTURED = "captured_claimed";
    public static final String MISSING = "missing_claimed";
    public static final String CONTRADICTIONS = "contradictions";
    private static final List<String> MAPS = List.of(STATEMENTS, ACCUSATIONS, DENIALS, CALM_REPORTS, OBSERVATIONS,
            KILLED, WOUNDED, CIVILIAN, CIVILIAN_KILLED, CIVILIAN_WOUNDED, CAPTURED, MISSING, CONTRADICTIONS);

    private final Map<String, TreeMap<String, Long>> maps = new HashMap<>();
    private long unansweredAccusations;
    private long corroborations;

    public TallyCounts() {
        for (String name : MAPS) {
            maps.put(name, new TreeMap<>());
        }
    }

    public static TallyCounts of(SectorTally tally) {
        TallyCounts counts = new TallyCounts();
        if (tally == null) {
            return counts;
        }
        counts.maps.get(STATEMENTS).putAll(tally.getStatements());
        counts.maps.get(ACCUSATIONS).putAll(tally.getAccusations());
        counts.maps.get(DENIALS).putAll(tally.getDenials());
        counts.maps.get(CALM_REPORTS).putAll(tally.getCalmReports());
        counts.maps.get(OBSERVATIONS).putAll(tally.getObservations());
        counts.maps.get(KILLED).putAll(tally.getKilledClaimed());
        counts.maps.get(WOUNDED).putAll(tally.getWoundedClaimed());
        counts.maps.get(CIVILIAN).putAll(tally.getCivilianCasualtiesClaimed());
        counts.maps.get(CIVILIAN_KILLED).putAll(tally.getCivilianKilledClaimed());
        counts.maps.get(CIVILIAN_WOUNDED).putAll(tally.getCivilianWoundedClaimed());
        counts.maps.get(CAPTURED).putAll(tally.getCapturedClaimed());
        counts.maps.get(MISSING).putAll(tally.getMissingClaimed());
        counts.maps.get(CONTRADICTIONS).putAll(tally.getContradictions());
        counts.unansweredAccusations = tally.getUnansweredAccusations();
        counts.corroborations = tally.getCorroborations();
        return counts;
    }

    public void add(String map, String key, long amount) {
        maps.get(map).merge(key, amount, Long::sum);
        if (maps.get(map).get(key) == 0L) {
            maps.get(map).remove(key);
        }
    }

    public void addUnanswered(long amount) {
        unansweredAccusations += amount;
    }

    public void addCorroborations(long amount) {
        corroborations += amount;
    }

    /** Adds {@code other} times {@code sign} (1 to add, -1 to subtract). */
    public void add(TallyCounts other, int sign) {
        for (String name : MAPS) {
            other.maps.get(name).forEach((key, value) -> add(name, key, sign * value));
        }
        unansweredAccusations += sign * other.unansweredAccusations;
        corroborations += sign * other.corroborations;
    }

    public boolean isEmpty() {
        return unansweredAccusations == 0 && corroborations == 0 && maps.values().stream().allMatch(Map::isEmpty);
    }

    public SectorTally toTally(String sector, PeriodKind kind, LocalDate start, LocalDate end) {
        return SectorTally.newBuilder()
                .setSector(sector)
                .setPeriodKind(kind)
                .setPeriodStart(start)
                .setPeriodEnd(end)
                .setStatements(copy(STATEMENTS))
                .setAccusations(copy(ACCUSATIONS))
                .setDenials(copy(DENIALS))
                .setCalmReports(copy(CALM_REPORTS))
                .setObservations(copy(OBSERVATIONS))
                .setKilledClaimed(copy(KILLED))
                .setWoundedClaimed(copy(WOUNDED))
                .setCivilianCasualtiesClaimed(copy(CIVILIAN))
                .setContradictions(copy(CONTRADICTIONS))
                .setUnansweredAccusations(unansweredAccusations)
                .setCorroborations(corroborations)
                .setCivilianKilledClaimed(copy(CIVILIAN_KILLED))
                .setCivilianWoundedClaimed(copy(CIVILIAN_WOUNDED))
                .setCapturedClaimed(copy(CAPTURED))
                .setMissingClaimed(copy(MISSING))
                .build();
    }

    private Map<String, Long> copy(String name) {
        // Sorted, so the serialized map (and so the record's bytes) is the same on every run.
        return new TreeMap<>(maps.get(name));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TallyCounts other && maps.equals(other.maps)
                && unansweredAccusations == other.unansweredAccusations && corroborations == other.corroborations;
    }

    @Override
    public int hashCode() {
        return Objects.hash(maps, unansweredAccusations, corroborations);
    }

    @Override
    public String toString() {
        return "TallyCounts" + maps + " unanswered=" + unansweredAccusations + " corroborations=" + corroborations;
    }
}
