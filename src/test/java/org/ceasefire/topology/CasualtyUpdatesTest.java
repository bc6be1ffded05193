package org.ceasefire.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ceasefire.topology.Fixtures.SYUNIK;
import static org.ceasefire.topology.Fixtures.accusation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ceasefire.avro.Casualty;
import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.SectorTally;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Running totals: a statement naming an earlier one of its issuer in {@code updates} replaces its casualty figures. */
class CasualtyUpdatesTest {
    private static final String ALL_TIME = SYUNIK + "|ALL_TIME";

    /** An Armenian accusation in Tegh claiming {@code killed} Armenian dead, published at {@code published}. */
    private static MinistryStatement figure(String id, int killed, String incident, String published, String updates) {
        return MinistryStatement.newBuilder(accusation(id, "AM", "AZ", incident, "Tegh"))
                .setPublishedAt(Instant.parse(published))
                .setCasualties(new ArrayList<>(List.of(new Casualty("AM", killed, 0, false, 0, 0))))
                .setUpdates(updates)
                .build();
    }

    private static final MinistryStatement E = figure("am-e", 49, "2022-09-13T00:05:00Z", "2022-09-13T06:00:00Z", null);
    private static final MinistryStatement U1 = figure("am-u1", 105, "2022-09-13T00:05:00Z", "2022-09-14T06:00:00Z", "am-e");
    private static final MinistryStatement U2 = figure("am-u2", 135, "2022-09-13T00:05:00Z", "2022-09-15T06:00:00Z", "am-u1");

    private static Map<String, Long> killed(TopologyHarness harness) {
        SectorTally tally = harness.tally(ALL_TIME);
        return tally == null ? Map.of() : tally.getKilledClaimed();
    }

    @Test
    @DisplayName("49 killed, then 105 killed updating it: the tallies count 105 once, not 154; both statements are counted")
    void latestFigureOnce() {
        try (TopologyHarness harness = new TopologyHarness()) {
            harness.send(E);
            assertThat(killed(harness)).containsOnly(Map.entry("AM>AM", 49L));
            harness.send(U1);
            assertThat(killed(harness)).containsOnly(Map.entry("AM>AM", 105L));
            assertThat(harness.tally(ALL_TIME).getStatements()).containsOnly(Map.entry("AM", 2L));
            assertThat(harness.tally(SYUNIK + "|DAY|2022-09-13").getKilledClaimed()).containsOnly(Map.entry("AM>AM", 105L));
        }
    }

    @ParameterizedTest(name = "arrival order {0}")
    @ValueSource(strings = {"E,U1,U2", "E,U2,U1", "U1,E,U2", "U1,U2,E", "U2,E,U1", "U2,U1,E"})
    @DisplayName("a chain U2 → U1 → E counts U2's figure only, in any arrival order (an update may arrive before what it updates)")
    void chainsInAnyOrder(String order) {
        Map<String, MinistryStatement> byName = Map.of("E", E, "U1", U1, "U2", U2);
        try (TopologyHarness harness = new TopologyHarness()) {
            for (String name : order.split(",")) {
                harness.send(byName.get(name));
            }
            assertThat(killed(harness)).containsOnly(Map.entry("AM>AM", 135L));
        }
    }

    @Test
    @DisplayName("retracting the latest update restores the previous figure; a retracted middle link still passes the update on")
    void retractions() {
        try (TopologyHarness harness = new TopologyHarness()) {
            harness.send(E);
            harness.send(U1);
            harness.send(U2);
            harness.send(MinistryStatement.newBuilder(U1).setRevision(2).setRetracted(true).build());
            // U1 is withdrawn, but U2 still replaces it and, through it, E.
            assertThat(killed(harness)).containsOnly(Map.entry("AM>AM", 135L));
            harness.send(MinistryStatement.newBuilder(U2).setRevision(2).setRetracted(true).build());
            assertThat(killed(harness)).containsOnly(Map.entry("AM>AM", 49L));
        }
    }

    @Test
    @DisplayName("a revision of a replaced statement changes nothing in the tallies; a revision of the update changes the figure")
    void revisions() {
        try (TopologyHarness harness = new TopologyHarness()) {
            harness.send(E);
            harness.send(U1);
            harness.send(MinistryStatement.newBuilder(E).setRevision(2)
                    .setCasualties(new ArrayList<>(List.of(new Casualty("AM", 50, 3, false, 1, 2)))).build());
            assertThat(killed(harness)).containsOnly(Map.entry("AM>AM", 105L));
            assertThat(harness.tally(ALL_TIME).getWoundedClaimed()).isEmpty();
            MinistryStatement revisedUpdate = MinistryStatement.newBuilder(U1).setRevision(2)
                    .setCasualties(new ArrayList<>(List.of(new Casualty("AM", 107, 0, false, 0, 0)))).build();
            harness.send(revisedUpdate);
            assertThat(killed(harness)).containsOnly(Map.entry("AM>AM", 107L));
            // The update revised to name nothing: both figures count again.
            harness.send(MinistryStatement.newBuilder(revisedUpdate).setRevision(3).setUpdates(null).build());
            assertThat(killed(harness)).containsOnly(Map.entry("AM>AM", 157L));
        }
    }

    @Test
    @DisplayName("an update of another issuer's statement, of an unknown id, or published before its target is ignored: both figures count")
    void ignoredUpdates() {
        try (TopologyHarness harness = new TopologyHarness()) {
            MinistryStatement azerbaijani = MinistryStatement.newBuilder(accusation("az-1", "AZ", "AM", "2022-09-13T00:05:00Z", "Tegh"))
                    .setPublishedAt(Instant.parse("2022-09-13T07:00:00Z"))
                    .setCasualties(new ArrayList<>(List.of(new Casualty("AZ", 50, 0, false, 0, 0)))).build();
            harness.send(azerbaijani);
            harness.send(figure("am-other", 7, "2022-09-13T00:05:00Z", "2022-09-14T06:00:00Z", "az-1"));
            harness.send(figure("am-unknown", 3, "2022-09-13T00:05:00Z", "2022-09-14T06:00:00Z", "am-never-sent"));
            harness.send(E);
            harness.send(figure("am-earlier", 10, "2022-09-13T00:05:00Z", "2022-09-13T05:00:00Z", "am-e"));
            assertThat(killed(harness)).containsOnly(Map.entry("AZ>AZ", 50L), Map.entry("AM>AM", 7L + 3L + 49L + 10L));
        }
    }

    @Test
    @DisplayName("an update on a later day moves the figure to that day; the replaced statement's day keeps its count of statements")
    void figureMovesToTheUpdatesDay() {
        try (TopologyHarness harness = new TopologyHarness()) {
            harness.send(E);
            harness.send(figure("am-next-day", 105, "2022-09-14T10:00:00Z", "2022-09-14T12:00:00Z", "am-e"));
            assertThat(harness.tally(SYUNIK + "|DAY|2022-09-13").getKilledClaimed()).isEmpty();
            assertThat(harness.tally(SYUNIK + "|DAY|2022-09-13").getStatements()).containsOnly(Map.entry("AM", 1L));
            assertThat(harness.tally(SYUNIK + "|DAY|2022-09-14").getKilledClaimed()).containsOnly(Map.entry("AM>AM", 105L));
        }
    }

    @Test
    @DisplayName("captured, missing, civilian killed and civilian wounded are tallied apart; the older civilian map keeps its sum")
    void newCounts() {
        try (TopologyHarness harness = new TopologyHarness()) {
            harness.send(MinistryStatement.newBuilder(accusation("am-1", "AM", "AZ", "2022-09-13T00:05:00Z", "Tegh"))
                    .setCasualties(new ArrayList<>(List.of(new Casualty("AM", 2, 5, true, 0, 0), new Casualty("AM", 4, 1, false, 3, 6))))
                    .build());
            SectorTally tally = harness.tally(ALL_TIME);
            assertThat(tally.getKilledClaimed()).containsOnly(Map.entry("AM>AM", 6L));
            assertThat(tally.getWoundedClaimed()).containsOnly(Map.entry("AM>AM", 6L));
            assertThat(tally.getCivilianKilledClaimed()).containsOnly(Map.entry("AM>AM", 2L));
            assertThat(tally.getCivilianWoundedClaimed()).containsOnly(Map.entry("AM>AM", 5L));
            assertThat(tally.getCivilianCasualtiesClaimed()).containsOnly(Map.entry("AM>AM", 7L));
            assertThat(tally.getCapturedClaimed()).containsOnly(Map.entry("AM>AM", 3L));
            assertThat(tally.getMissingClaimed()).containsOnly(Map.entry("AM>AM", 6L));
        }
    }

    @Test
    @DisplayName("a pair shows a replaced statement's figures as claimed, which statement has the latest figure, and that figure")
    void pairShowsTheLatest() {
        try (TopologyHarness harness = new TopologyHarness()) {
            harness.send(E);
            harness.send(MinistryStatement.newBuilder(accusation("az-1", "AZ", "AM", "2022-09-13T01:00:00Z", "Tegh"))
                    .setPublishedAt(Instant.parse("2022-09-13T07:00:00Z")).build());
            ClaimContradiction pair = harness.contradictions().get(Pairs.pairId("am-e", "az-1"));
            assertThat(pair.getSideOne().getCasualtiesSupersededBy()).isNull();

            harness.send(U1);
            harness.send(U2);
            pair = harness.contradictions().get(Pairs.pairId("am-e", "az-1"));
            assertThat(pair.getSideOne().getStatementId()).isEqualTo("am-e");
            assertThat(pair.getSideOne().getCasualties()).containsExactly(new Casualty("AM", 49, 0, false, 0, 0));
            assertThat(pair.getSideOne().getCasualtiesSupersededBy()).isEqualTo("am-u2");
            assertThat(pair.getSideOne().getLatestCasualties()).containsExactly(new Casualty("AM", 135, 0, false, 0, 0));

            harness.send(MinistryStatement.newBuilder(U2).setRevision(2).setRetracted(true).build());
            pair = harness.contradictions().get(Pairs.pairId("am-e", "az-1"));
            assertThat(pair.getSideOne().getCasualtiesSupersededBy()).isEqualTo("am-u1");
            assertThat(pair.getSideOne().getLatestCasualties()).containsExactly(new Casualty("AM", 105, 0, false, 0, 0));
        }
    }

    @Test
    @DisplayName("an update naming its own id is rejected at the intake with the field and the reason")
    void selfUpdateRejected() {
        try (TopologyHarness harness = new TopologyHarness()) {
            harness.send(figure("am-self", 5, "2022-09-13T00:05:00Z", "2022-09-13T06:00:00Z", "am-self"));
            assertThat(harness.deadLetters()).hasSize(1);
            String reason = new String(harness.deadLetters().get(0).headers().lastHeader(DeadLetterHeaders.REASON).value(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(reason).contains("updates: a statement cannot update its own figures");
            assertThat(harness.tally(ALL_TIME)).isNull();
        }
    }
}
