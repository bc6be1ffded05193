package org.ceasefire.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ceasefire.topology.Fixtures.SYUNIK;
import static org.ceasefire.topology.Fixtures.accusation;
import static org.ceasefire.topology.Fixtures.denial;

import java.util.Map;

import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.SectorTally;
import org.ceasefire.avro.internal.StatementHistory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RevisionsTest {
    private final TopologyHarness harness = new TopologyHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    private static MinistryStatement revised(MinistryStatement statement, int revision) {
        return MinistryStatement.newBuilder(statement).setRevision(revision).build();
    }

    private static MinistryStatement retracted(MinistryStatement statement, int revision) {
        return MinistryStatement.newBuilder(statement).setRevision(revision).setRetracted(true).build();
    }

    static Map<String, ClaimContradiction> withoutLogPositions(Map<String, ClaimContradiction> pairs) {
        Map<String, ClaimContradiction> result = new java.util.TreeMap<>();
        pairs.forEach((id, pair) -> {
            ClaimContradiction copy = ClaimContradiction.newBuilder(pair).build();
            for (org.ceasefire.avro.StatementRef ref : java.util.List.of(copy.getSideOne(), copy.getSideTwo())) {
                ref.setLogOffset(-1L);
                ref.setLogPartition(-1);
            }
            result.put(id, copy);
        });
        return result;
    }

    @Test
    @DisplayName("a retraction withdraws the pair with a tombstone and takes the statement out of the tallies")
    void retractionWithdrawsPair() {
        MinistryStatement am = accusation("am-1", "AM", "AZ", "2023-04-11T12:00:00Z", "Tegh");
        MinistryStatement az = accusation("az-1", "AZ", "AM", "2023-04-11T13:00:00Z", "Tegh");
        harness.send(am);
        harness.send(az);
        assertThat(harness.contradictions()).containsOnlyKeys("am-1|az-1");
        assertThat(harness.tally(SYUNIK + "|DAY|2023-04-11").getContradictions()).containsEntry("MUTUAL_ACCUSATION", 1L);

        harness.send(retracted(az, 2));

        assertThat(harness.contradictions()).isEmpty();
        var log = harness.contradictionLog();
        assertThat(log.get(log.size() - 1).key()).isEqualTo("am-1|az-1");
        assertThat(log.get(log.size() - 1).value()).isNull();
        SectorTally day = harness.tally(SYUNIK + "|DAY|2023-04-11");
        assertThat(day.getStatements()).containsOnly(Map.entry("AM", 1L));
        assertThat(day.getAccusations()).containsOnly(Map.entry("AM", 1L));
        assertThat(day.getContradictions()).isEmpty();
        assertThat(day.getUnansweredAccusations()).isEqualTo(1);
        assertThat(harness.tally(SYUNIK + "|ALL_TIME").getStatements()).containsOnly(Map.entry("AM", 1L));
    }

    @Test
    @DisplayName("a retraction without a new revision number is still applied")
    void retractionWithSameRevision() {
        MinistryStatement am = accusation("am-1", "AM", "AZ", "2023-04-11T12:00:00Z", "Tegh");
        harness.send(am);
        harness.send(retracted(am, 1));

        assertThat(harness.tallies()).isEmpty();
        assertThat(harness.deadLetters()).isEmpty();
    }

    @Test
    @DisplayName("a higher revision that moves the statement to another day and sector breaks its pair and moves its counts")
    void revisionMovesStatement() {
        MinistryStatement am = accusation("am-1", "AM", "AZ", "2023-04-11T12:00:00Z", "Tegh");
        harness.send(am);
        harness.send(accusation("az-1", "AZ", "AM", "2023-04-11T13:00:00Z", "Tegh"));
        harness.send(MinistryStatement.newBuilder(am).setRevision(2).setLocation("Sotk")
                .setIncidentStart(java.time.Instant.parse("2023-04-12T12:00:00Z")).build());

        assertThat(harness.contradictions()).isEmpty();
        assertThat(harness.tally(SYUNIK + "|DAY|2023-04-11").getStatements()).containsOnly(Map.entry("AZ", 1L));
        assertThat(harness.tally(Fixtures.GEGHARKUNIK + "|DAY|2023-04-12").getStatements()).containsOnly(Map.entry("AM", 1L));
        StatementHistory history = harness.<StatementHistory>store(CeasefireTopology.STATEMENT_HISTORY_STORE).get("am-1");
        assertThat(history.getRevisions()).extracting(r -> r.getStatement().getRevision()).containsExactly(1, 2);
        assertThat(history.getRevisions()).extracting(r -> r.getSector()).containsExactly(SYUNIK, Fixtures.GEGHARKUNIK);
    }

    @Test
    @DisplayName("duplicates and a stale lower revision change nothing downstream; the stale one is counted")
    void duplicatesAndStaleRevisions() {
        MinistryStatement am = accusation("am-1", "AM", "AZ", "2023-04-11T12:00:00Z", "Tegh");
        MinistryStatement az = accusation("az-1", "AZ", "AM", "2023-04-11T13:00:00Z", "Tegh");
        harness.send(am);
        harness.send(revised(az, 2));
        Map<String, SectorTally> tallies = Map.copyOf(harness.tallies());
        Map<String, ClaimContradiction> pairs = Map.copyOf(harness.contradictions());
        int written = harness.contradictionLog().size();

        harness.send(am);
        harness.send(revised(az, 2));
        harness.send(az);

        assertThat(harness.tallies()).isEqualTo(tallies);
        assertThat(harness.contradictions()).isEqualTo(pairs);
        assertThat(harness.contradictionLog()).hasSize(written);
        StatementHistory history = harness.<StatementHistory>store(CeasefireTopology.STATEMENT_HISTORY_STORE).get("az-1");
        assertThat(history.getStaleRevisionsIgnored()).isEqualTo(1);
        assertThat(history.getDuplicatesIgnored()).isEqualTo(1);
    }

    @Test
    @DisplayName("the same statements in another order within the horizon give the same pairs and tallies")
    void reorderingChangesNothing() {
        MinistryStatement a = accusation("am-1", "AM", "AZ", "2023-04-11T12:00:00Z", "Tegh");
        MinistryStatement b = accusation("az-1", "AZ", "AM", "2023-04-11T13:00:00Z", "Tegh");
        MinistryStatement c = denial("az-d", "AZ", "2023-04-11T12:30:00Z", "Tegh", null);
        MinistryStatement d = Fixtures.observation("euma-1", "EUMA", "2023-04-11T12:10:00Z", "Tegh");
        java.time.Instant logged = java.time.Instant.parse("2023-04-11T20:00:00Z");
        for (MinistryStatement s : new MinistryStatement[] {a, b, c, d}) {
            harness.send(s, logged);
        }
        try (TopologyHarness other = new TopologyHarness()) {
            for (MinistryStatement s : new MinistryStatement[] {d, c, b, a}) {
                other.send(s, logged);
            }
            // Pairs name the log position of their statements, which differs with the order: compare the rest.
            assertThat(withoutLogPositions(other.contradictions())).isEqualTo(withoutLogPositions(harness.contradictions()));
            assertThat(other.tallies()).isEqualTo(harness.tallies());
        }
        assertThat(harness.contradictions()).containsOnlyKeys("am-1|az-1", "am-1|az-d");
        assertThat(harness.contradictions().values()).allSatisfy(pair -> assertThat(pair.getCorroborated()).isTrue());
        assertThat(harness.tally(SYUNIK + "|DAY|2023-04-11").getCorroborations()).isEqualTo(2);
    }

    @Test
    @DisplayName("a retracted accusation's refers_to pair is withdrawn, and re-formed by a later revision")
    void referredPairFollowsRevisions() {
        MinistryStatement am = accusation("am-1", "AM", "AZ", "2023-04-11T12:00:00Z", "Tegh");
        harness.send(am);
        harness.send(denial("az-d", "AZ", "2023-04-13T12:00:00Z", "", "am-1"));
        assertThat(harness.contradictions()).containsOnlyKeys("am-1|az-d");

        harness.send(retracted(am, 2));
        assertThat(harness.contradictions()).isEmpty();

        harness.send(MinistryStatement.newBuilder(am).setRevision(3).setLocation("Shushi").build());
        assertThat(harness.contradictions()).containsOnlyKeys("am-1|az-d");
        assertThat(harness.contradictions().get("am-1|az-d").getSector()).isEqualTo(Fixtures.NK_CENTRE);
        assertThat(harness.contradictions().get("am-1|az-d").getSideOne().getRevision()).isEqualTo(3);
    }
}
