package org.ceasefire.topology;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.ceasefire.avro.Casualty;
import org.ceasefire.avro.ClaimType;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.PeriodKind;
import org.ceasefire.avro.SectorTally;
import org.ceasefire.conflict.ConflictDefinition;
import org.ceasefire.conflict.Party;

/**
 * An independent, deliberately naive statement of the semantics for the property test: given the final
 * set of statements, it computes every pair by comparing all statements with all others, and every tally
 * by summing, with none of the topology's stores, keys or incremental updates. Public: the fault tests check
 * what survived a crash against it too.
 */
public final class ReferenceTallies {
    /** A final statement with what the topology would have known about it. */
    public record Final(MinistryStatement statement, String sector, boolean late) {
        long start() {
            return statement.getIncidentStart().toEpochMilli();
        }

        String id() {
            return statement.getStatementId();
        }

        ClaimType claim() {
            return statement.getClaim();
        }
    }

    public record Pair(String id, String kind, String sector, LocalDate day, List<String> accusations) {
    }

    /** The active statements: what is tallied and paired. */
    private final List<Final> statements;
    /** Every final revision, retractions included: a retracted link of a chain of casualty updates still passes it on. */
    private final List<Final> all;
    private final long distance;
    private final long horizon;
    private final Set<String> frontSectors;
    private final ConflictDefinition conflict;

    /**
     * @param statements the final revision of each statement; retracted ones (a final revision with {@code retracted})
     *                   only take part in chains of casualty updates
     */
    public ReferenceTallies(ConflictDefinition conflict, List<Final> statements, long distanceMillis, long horizonMillis) {
        this.conflict = conflict;
        this.all = statements;
        this.statements = statements.stream().filter(s -> !s.statement().getRetracted()).toList();
        this.distance = distanceMillis;
        this.horizon = horizonMillis;
        this.frontSectors = new TreeSet<>();
        conflict.sectors().forEach(sector -> frontSectors.add(sector.id()));
    }

    public Map<String, Pair> pairs() {
        Map<String, Pair> pairs = new TreeMap<>();
        for (Final a : statements) {
            if (a.claim() != ClaimType.ACCUSATION) {
                continue;
            }
            for (Final b : statements) {
                if (b == a) {
                    continue;
                }
                String kind = kind(a, b);
                if (kind != null) {
                    String id = Pairs.pairId(a.id(), b.id());
                    List<String> accusations = b.claim() == ClaimType.ACCUSATION ? List.of(a.id(), b.id()) : List.of(a.id());
                    pairs.put(id, new Pair(id, kind, a.sector(), day(Math.min(a.start(), b.start())), accusations));
                }
            }
        }
        return pairs;
    }

    private String kind(Final a, Final b) {
        boolean opposed = conflict.areOpposed(a.statement().getIssuer(), b.statement().getIssuer());
        if (!opposed) {
            return null;
        }
        if (b.claim() == ClaimType.DENIAL && a.id().equals(b.statement().getRefersTo())) {
            return "ACCUSATION_DENIED";
        }
        if (a.late() || b.late() || a.sector().equals("UNRESOLVED")) {
            return null;
        }
        boolean broadcastCalm = b.claim() == ClaimType.CALM && b.sector().equals("WHOLE_FRONT") && frontSectors.contains(a.sector());
        if (!a.sector().equals(b.sector()) && !broadcastCalm) {
            return null;
        }
        return switch (b.claim()) {
            case ACCUSATION -> gap(a, b) <= distance ? "MUTUAL_ACCUSATION" : null;
            case DENIAL -> {
                if (b.statement().getRefersTo() != null) {
                    yield null;
                }
                // With a period it answers the accusations inside it; without, those within the distance.
                boolean answers = b.statement().getIncidentEnd() == null ? gap(a, b) <= distance
                        : b.start() <= a.start() && end(a) <= end(b);
                yield answers ? "ACCUSATION_DENIED" : null;
            }
            case CALM -> gap(a, b) == 0 && speaksFor(b, a.sector()) ? "ACCUSATION_VS_CALM" : null;
            default -> null;
        };
    }

    /** The end of a statement's period: its start without incident_end, at most one horizon after its start. */
    private long end(Final s) {
        long end = s.statement().getIncidentEnd() == null ? s.start() : s.statement().getIncidentEnd().toEpochMilli();
        return Math.max(s.start(), Math.min(end, s.start() + horizon));
    }

    /** The time between two statements' periods, 0 when they overlap. */
    private long gap(Final a, Final b) {
        return Math.max(0, Math.max(a.start(), b.start()) - Math.min(end(a), end(b)));
    }

    /**
     * Whether the issuer of {@code s} speaks for (or, a monitor, observes) {@code sector} on the day of s: no
     * areas is the whole front; the whole front itself only when every sector is in an area that day.
     */
    private boolean speaksFor(Final s, String sector) {
        Party issuer = conflict.party(s.statement().getIssuer()).orElseThrow();
        if (issuer.areas().isEmpty()) {
            return true;
        }
        LocalDate day = day(s.start());
        List<String> sectors = sector.equals("WHOLE_FRONT") ? List.copyOf(frontSectors) : List.of(sector);
        return sectors.stream().allMatch(one -> issuer.areas().stream().anyMatch(area -> area.sectors().contains(one)
                && (area.from() == null || !day.isBefore(area.from())) && (area.until() == null || day.isBefore(area.until()))));
    }

    private boolean corroborated(Final accusation) {
        if (accusation.late() || accusation.sector().equals("UNRESOLVED")) {
            return false;
        }
        for (Final o : statements) {
            if (o.claim() == ClaimType.OBSERVATION && !o.late() && o.sector().equals(accusation.sector())
                    && gap(o, accusation) <= distance && speaksFor(o, o.sector())) {
                String named = o.statement().getAccused();
                if (named == null || conflict.sideOf(named).equals(conflict.sideOf(accusation.statement().getAccused()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The casualty-update rules, stated directly: a statement's figures are replaced when a live statement of the
     * same issuer, published after it, names it in {@code updates}; a statement is live when it is active or its
     * own figures are replaced by a live one.
     */
    public boolean figuresReplaced(MinistryStatement target) {
        for (Final f : all) {
            MinistryStatement u = f.statement();
            if (target.getStatementId().equals(u.getUpdates()) && u.getIssuer().equals(target.getIssuer())
                    && u.getPublishedAt().isAfter(target.getPublishedAt()) && (!u.getRetracted() || figuresReplaced(u))) {
                return true;
            }
        }
        return false;
    }

    /** Every tally that is not all zero, keyed as on the tallies topic. */
    public Map<String, SectorTally> tallies() {
        Map<String, Map<String, Map<String, Long>>> days = new TreeMap<>();
        Map<String, long[]> numbers = new HashMap<>();
        Map<String, Pair> pairs = pairs();
        for (Final s : statements) {
            String key = s.sector() + "|DAY|" + day(s.start());
            String issuer = s.statement().getIssuer();
            add(days, key, "statements", issuer, 1);
            String map = switch (s.claim()) {
                case ACCUSATION -> "accusations";
                case DENIAL -> "denials";
                case CALM -> "calm_reports";
                default -> "observations";
            };
            add(days, key, map, issuer, 1);
            for (Casualty c : figuresReplaced(s.statement()) ? List.<Casualty>of() : s.statement().getCasualties()) {
                String who = issuer + ">" + c.getParty();
                add(days, key, "killed", who, c.getKilled());
                add(days, key, "wounded", who, c.getWounded());
                add(days, key, "captured", who, c.getCaptured());
                add(days, key, "missing", who, c.getMissing());
                if (c.getCivilian()) {
                    add(days, key, "civilian", who, c.getKilled() + c.getWounded());
                    add(days, key, "civilian_killed", who, c.getKilled());
                    add(days, key, "civilian_wounded", who, c.getWounded());
                }
            }
            if (s.claim() == ClaimType.ACCUSATION && pairs.values().stream().noneMatch(p -> p.accusations().contains(s.id()))) {
                numbers.computeIfAbsent(key, k -> new long[2])[0]++;
                if (corroborated(s)) {
                    numbers.computeIfAbsent(key, k -> new long[2])[1]++;
                }
            }
        }
        Map<String, Final> byId = new HashMap<>();
        statements.forEach(s -> byId.put(s.id(), s));
        for (Pair pair : pairs.values()) {
            String key = pair.sector() + "|DAY|" + pair.day();
            add(days, key, "contradictions", pair.kind(), 1);
            if (pair.accusations().stream().anyMatch(id -> corroborated(byId.get(id)))) {
                numbers.computeIfAbsent(key, k -> new long[2])[1]++;
            }
        }
        numbers.keySet().forEach(key -> days.computeIfAbsent(key, k -> new TreeMap<>()));
        Map<String, SectorTally> result = new TreeMap<>();
        Map<String, List<String>> daysBySector = new TreeMap<>();
        for (String key : days.keySet()) {
            String[] parts = key.split("\\|");
            LocalDate day = LocalDate.parse(parts[2]);
            long[] n = numbers.getOrDefault(key, new long[2]);
            result.put(key, tally(parts[0], PeriodKind.DAY, day, day, days.get(key), n));
            daysBySector.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(key);
        }
        daysBySector.forEach((sector, keys) -> {
            LocalDate latest = LocalDate.parse(keys.get(keys.size() - 1).split("\\|")[2]);
            result.put(sector + "|ALL_TIME", sum(sector, PeriodKind.ALL_TIME, null, null, keys, days, numbers));
            for (int length : new int[] {7, 30}) {
                LocalDate first = latest.minusDays(length - 1L);
                List<String> window = keys.stream().filter(k -> !LocalDate.parse(k.split("\\|")[2]).isBefore(first)).toList();
                result.put(sector + "|ROLLING_" + length + "D",
                        sum(sector, length == 7 ? PeriodKind.ROLLING_7D : PeriodKind.ROLLING_30D, first, latest, window, days, numbers));
            }
        });
        return result;
    }

    private static SectorTally sum(String sector, PeriodKind kind, LocalDate from, LocalDate to, List<String> keys,
                                   Map<String, Map<String, Map<String, Long>>> days, Map<String, long[]> numbers) {
        Map<String, Map<String, Long>> maps = new TreeMap<>();
        long[] n = new long[2];
        for (String key : keys) {
            days.get(key).forEach((map, entries) -> entries.forEach((k, v) -> add(maps, map, k, v)));
            long[] dayNumbers = numbers.getOrDefault(key, new long[2]);
            n[0] += dayNumbers[0];
            n[1] += dayNumbers[1];
        }
        return tally(sector, kind, from, to, maps, n);
    }

    private static void add(Map<String, Map<String, Map<String, Long>>> days, String key, String map, String entry, long amount) {
        add(days.computeIfAbsent(key, k -> new TreeMap<>()), map, entry, amount);
    }

    private static void add(Map<String, Map<String, Long>> maps, String map, String entry, long amount) {
        if (amount != 0) {
            maps.computeIfAbsent(map, k -> new TreeMap<>()).merge(entry, amount, Long::sum);
        }
    }

    private static SectorTally tally(String sector, PeriodKind kind, LocalDate from, LocalDate to, Map<String, Map<String, Long>> maps, long[] n) {
        return SectorTally.newBuilder()
                .setSector(sector).setPeriodKind(kind).setPeriodStart(from).setPeriodEnd(to)
                .setStatements(maps.getOrDefault("statements", new TreeMap<>()))
                .setAccusations(maps.getOrDefault("accusations", new TreeMap<>()))
                .setDenials(maps.getOrDefault("denials", new TreeMap<>()))
                .setCalmReports(maps.getOrDefault("calm_reports", new TreeMap<>()))
                .setObservations(maps.getOrDefault("observations", new TreeMap<>()))
                .setKilledClaimed(maps.getOrDefault("killed", new TreeMap<>()))
                .setWoundedClaimed(maps.getOrDefault("wounded", new TreeMap<>()))
                .setCivilianCasualtiesClaimed(maps.getOrDefault("civilian", new TreeMap<>()))
                .setCivilianKilledClaimed(maps.getOrDefault("civilian_killed", new TreeMap<>()))
                .setCivilianWoundedClaimed(maps.getOrDefault("civilian_wounded", new TreeMap<>()))
                .setCapturedClaimed(maps.getOrDefault("captured", new TreeMap<>()))
                .setMissingClaimed(maps.getOrDefault("missing", new TreeMap<>()))
                .setContradictions(maps.getOrDefault("contradictions", new TreeMap<>()))
                .setUnansweredAccusations(n[0])
                .setCorroborations(n[1])
                .build();
    }

    /** The local day of an incident, in the conflict's time zone. */
    private LocalDate day(long epochMillis) {
        return java.time.Instant.ofEpochMilli(epochMillis).atZone(conflict.timeZone()).toLocalDate();
    }
}
