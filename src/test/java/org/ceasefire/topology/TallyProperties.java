package org.ceasefire.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.ceasefire.avro.Casualty;
import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.ClaimType;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.SectorTally;
import net.jqwik.api.Label;

/**
 * Feeds random interleavings of statements, their revisions, retractions and duplicates (some published
 * after the horizon) into the topology, and compares the final pairs and tallies with
 * {@link ReferenceTallies} computed from the final set of statements alone.
 */
class TallyProperties {
    /** The day before the EU mission's mandate begins ({@link Fixtures#EUMA_FROM}): its observations on the first day corroborate nothing. */
    private static final Instant BASE = Fixtures.EUMA_FROM.minusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    private static final String[] MONITORS = {"EUMA", "RU-PK"};
    private static final String[] PARTIES = {"AM", "NK", "AZ"};
    /** Location as written, and the sector the test gazetteer resolves it to. */
    private static final String[][] LOCATIONS = {
            {"Tegh", "SYUNIK"}, {"Тех", "SYUNIK"}, {"Sotk village", "GEGHARKUNIK-KALBAJAR"}, {"Zod", "GEGHARKUNIK-KALBAJAR"},
            {"Stepanakert", "NK-CENTRE"}, {"Xankəndi", "NK-CENTRE"}, {"Atlantis", "UNRESOLVED"}, {"", "WHOLE_FRONT"}, {"Tegh", "SYUNIK"}, {"", "WHOLE_FRONT"}};

    /** One record to send, with the log append time it gets, and what the topology should conclude about it. */
    record Sent(MinistryStatement statement, Instant loggedAt, String sector) {
    }

    @Property(tries = 50)
    @Label("any order, duplicates and revisions of the same statements give the tallies and pairs of the final set")
    void talliesDependOnlyOnTheFinalSet(@ForAll("scenarios") List<Sent> sends) {
        checkAgainstReference(Fixtures.CONFLICT, sends);
    }

    @Property(tries = 15)
    @Label("in a conflict on UTC+4 the same holds, with every day a local day (incidents span local midnight at 20:00 UTC)")
    void localDaysDependOnlyOnTheFinalSet(@ForAll("scenarios") List<Sent> sends) {
        checkAgainstReference(Fixtures.CONFLICT.withTimeZone(java.time.ZoneId.of("Asia/Baku")), sends);
    }

    private static void checkAgainstReference(org.ceasefire.conflict.ConflictDefinition conflict, List<Sent> sends) {
        try (TopologyHarness harness = new TopologyHarness(conflict)) {
            sends.forEach(sent -> harness.send(sent.statement(), sent.loggedAt()));

            ReferenceTallies reference = new ReferenceTallies(conflict, finalSet(sends),
                    TopologyConfig.DEFAULT_PAIRING_DISTANCE.toMillis(), TopologyConfig.DEFAULT_HORIZON.toMillis());
            assertThat(harness.deadLetters()).isEmpty();
            Map<String, SectorTally> actual = new TreeMap<>(harness.tallies());
            assertThat(actual).isEqualTo(reference.tallies());
            Map<String, String> kinds = new TreeMap<>();
            harness.contradictions().forEach((id, pair) -> kinds.put(id, pair.getKind() + "@" + pair.getSector()));
            Map<String, String> expectedKinds = new TreeMap<>();
            reference.pairs().forEach((id, pair) -> expectedKinds.put(id, pair.kind() + "@" + pair.sector()));
            assertThat(kinds).isEqualTo(expectedKinds);
            // Shown in the report, so a generator that stopped producing pairs would be noticed.
            Statistics.label("pairs").collect(kinds.isEmpty() ? "none" : "some");
            Statistics.label("late statements").collect(harness.late().isEmpty() ? "none" : "some");
            Statistics.label("corroborations").collect(actual.values().stream().anyMatch(t -> t.getCorroborations() > 0) ? "some" : "none");
            Statistics.label("replaced figures").collect(finalSet(sends).stream()
                    .anyMatch(f -> !f.statement().getRetracted() && reference.figuresReplaced(f.statement())) ? "some" : "none");
            assertThat(harness.contradictions().values()).allSatisfy(pair -> assertThat(pair.getCorroborated())
                    .isEqualTo(!pair.getCorroboratingStatements().isEmpty()));
        }
    }

    /** The highest revision of each statement id (a retraction included: the reference counts it only in chains of updates). */
    private static List<ReferenceTallies.Final> finalSet(List<Sent> sends) {
        Map<String, Sent> latest = new TreeMap<>();
        for (Sent sent : sends) {
            latest.merge(sent.statement().getStatementId(), sent,
                    (a, b) -> a.statement().getRevision() >= b.statement().getRevision() ? a : b);
        }
        List<ReferenceTallies.Final> result = new ArrayList<>();
        for (Sent sent : latest.values()) {
            long delay = Duration.between(sent.statement().getIncidentStart(), sent.statement().getPublishedAt()).toMillis();
            result.add(new ReferenceTallies.Final(sent.statement(), sent.sector(), delay > TopologyConfig.DEFAULT_HORIZON.toMillis()));
        }
        return result;
    }

    @Provide
    Arbitrary<List<Sent>> scenarios() {
        // A seed drives a plain Random: the scenario's parts depend on each other (refers_to names other ids).
        return Arbitraries.longs().map(TallyProperties::scenario);
    }

    static List<Sent> scenario(long seed) {
        Random random = new Random(seed);
        int statements = 3 + random.nextInt(10);
        List<Sent> sends = new ArrayList<>();
        for (int i = 0; i < statements; i++) {
            String id = "s-" + i;
            int revisions = 1 + random.nextInt(3);
            for (int revision = 1; revision <= revisions; revision++) {
                boolean retract = revision == revisions && revision > 1 && random.nextInt(4) == 0;
                Sent sent = version(random, id, revision, retract, statements);
                sends.add(sent);
                if (random.nextInt(4) == 0) {
                    sends.add(sent);
                }
            }
        }
        Collections.shuffle(sends, random);
        return sends;
    }

    /**
     * No end (an instant), a short period, or (mostly for calm reports) one longer than the pairing distance,
     * up to beyond the horizon it is clipped to: every length class of the pairing store gets candidates.
     */
    private static Instant period(Random random, Instant start, ClaimType claim) {
        int kind = random.nextInt(claim == ClaimType.CALM ? 2 : 6);
        return switch (kind) {
            case 0 -> null;
            case 1 -> start.plus(Duration.ofMinutes(random.nextInt(claim == ClaimType.CALM ? 100 * 60 : 30 * 60)));
            default -> start.plus(Duration.ofMinutes(random.nextInt(4 * 60)));
        };
    }

    private static Sent version(Random random, String id, int revision, boolean retracted, int statements) {
        String[] location = LOCATIONS[random.nextInt(LOCATIONS.length)];
        Instant start = BASE.plus(Duration.ofMinutes(random.nextInt(30 * 60)));
        boolean monitor = random.nextInt(6) == 0;
        String issuer = monitor ? MONITORS[random.nextInt(MONITORS.length)] : PARTIES[random.nextInt(PARTIES.length)];
        String enemy = issuer.equals("AZ") ? (random.nextBoolean() ? "AM" : "NK") : "AZ";
        ClaimType claim = monitor ? ClaimType.OBSERVATION : new ClaimType[] {ClaimType.ACCUSATION, ClaimType.ACCUSATION,
                ClaimType.DENIAL, ClaimType.CALM}[random.nextInt(4)];
        MinistryStatement.Builder builder = Fixtures.statement(id, issuer, claim, start.toString(), location[0])
                .setRevision(revision)
                .setRetracted(retracted);
        switch (claim) {
            case ACCUSATION -> builder.setAccused(enemy);
            case DENIAL -> {
                String target = "s-" + random.nextInt(statements);
                builder.setRefersTo(random.nextBoolean() && !target.equals(id) ? target : null);
            }
            case OBSERVATION -> builder.setAccused(new String[] {null, "AM", "AZ"}[random.nextInt(3)]);
            default -> { }
        }
        builder.setIncidentEnd(period(random, start, claim));
        if (!monitor && random.nextBoolean()) {
            builder.setCasualties(Fixtures.casualties(new Casualty(PARTIES[random.nextInt(3)], random.nextInt(3), random.nextInt(4),
                    random.nextBoolean(), random.nextInt(2), random.nextInt(2))));
        }
        // Running totals: some statements replace the figures of another (of any issuer, published before or after).
        String updated = "s-" + random.nextInt(statements);
        if (random.nextInt(3) == 0 && !updated.equals(id)) {
            builder.setUpdates(updated);
        }
        // Mostly published (and logged) an hour after the incident; sometimes after the horizon (late).
        Duration delay = random.nextInt(6) == 0 ? Duration.ofHours(80) : Duration.ofHours(1);
        builder.setPublishedAt(start.plus(delay));
        return new Sent(builder.build(), start.plus(delay), location[1]);
    }
}
