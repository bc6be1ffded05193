package org.ceasefire.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ceasefire.topology.Fixtures.SYUNIK;
import static org.ceasefire.topology.Fixtures.accusation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.SectorTally;
import org.ceasefire.conflict.ConflictDefinition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Day tallies, a pair's day and the rolling windows are days of the conflict's own time zone. */
class LocalDaysTest {
    private static final ConflictDefinition BAKU_TIME = Fixtures.CONFLICT.withTimeZone(ZoneId.of("Asia/Baku"));

    @Test
    @DisplayName("night fire at 01:30 local (21:30 UTC the day before) is tallied on the local day, with its pair and windows")
    void nightFireBelongsToTheLocalDay() {
        try (TopologyHarness harness = new TopologyHarness(BAKU_TIME)) {
            // 23:30 local on 11 April, and 01:30 local on 12 April: two hours apart, they pair.
            harness.send(accusation("az-1", "AZ", "AM", "2023-04-11T19:30:00Z", "Tegh"));
            harness.send(accusation("am-1", "AM", "AZ", "2023-04-11T21:30:00Z", "Tegh"));

            Map<String, SectorTally> tallies = harness.tallies();
            assertThat(tallies.get(SYUNIK + "|DAY|2023-04-11").getAccusations()).containsOnly(Map.entry("AZ", 1L));
            assertThat(tallies.get(SYUNIK + "|DAY|2023-04-12").getAccusations()).containsOnly(Map.entry("AM", 1L));
            // The pair is tallied on the local day of its earlier incident.
            assertThat(tallies.get(SYUNIK + "|DAY|2023-04-11").getContradictions()).containsOnly(Map.entry("MUTUAL_ACCUSATION", 1L));
            assertThat(tallies.get(SYUNIK + "|DAY|2023-04-12").getContradictions()).isEmpty();
            SectorTally week = tallies.get(SYUNIK + "|ROLLING_7D");
            assertThat(week.getPeriodEnd()).isEqualTo(LocalDate.parse("2023-04-12"));
            assertThat(week.getPeriodStart()).isEqualTo(LocalDate.parse("2023-04-06"));
            assertThat(week.getAccusations()).containsOnly(Map.entry("AM", 1L), Map.entry("AZ", 1L));
            assertThat(tallies.get(SYUNIK + "|ROLLING_30D").getPeriodStart()).isEqualTo(LocalDate.parse("2023-03-14"));
        }
    }

    @Test
    @DisplayName("without a time zone the same statements are tallied on their UTC day (the default)")
    void utcByDefault() {
        try (TopologyHarness harness = new TopologyHarness()) {
            harness.send(accusation("az-1", "AZ", "AM", "2023-04-11T19:30:00Z", "Tegh"));
            harness.send(accusation("am-1", "AM", "AZ", "2023-04-11T21:30:00Z", "Tegh"));

            Map<String, SectorTally> tallies = harness.tallies();
            assertThat(tallies.get(SYUNIK + "|DAY|2023-04-11").getAccusations()).containsOnly(Map.entry("AM", 1L), Map.entry("AZ", 1L));
            assertThat(tallies).doesNotContainKey(SYUNIK + "|DAY|2023-04-12");
            assertThat(tallies.get(SYUNIK + "|ROLLING_7D").getPeriodEnd()).isEqualTo(LocalDate.parse("2023-04-11"));
        }
    }

    @Test
    @DisplayName("an unanswered accusation is counted on its local day, and a revision moving it across local midnight moves it")
    void unansweredOnTheLocalDayAndMoved() {
        try (TopologyHarness harness = new TopologyHarness(BAKU_TIME)) {
            MinistryStatement first = accusation("am-1", "AM", "AZ", "2023-04-11T21:30:00Z", "Tegh");
            harness.send(first);
            assertThat(harness.tally(SYUNIK + "|DAY|2023-04-12").getUnansweredAccusations()).isEqualTo(1);

            // Revised to 19:30 UTC, 23:30 local on the 11th.
            harness.send(MinistryStatement.newBuilder(first).setRevision(2)
                    .setIncidentStart(java.time.Instant.parse("2023-04-11T19:30:00Z")).build());
            Map<String, SectorTally> tallies = harness.tallies();
            assertThat(tallies.get(SYUNIK + "|DAY|2023-04-11").getUnansweredAccusations()).isEqualTo(1);
            assertThat(tallies).doesNotContainKey(SYUNIK + "|DAY|2023-04-12");
            assertThat(tallies.get(SYUNIK + "|ROLLING_7D").getPeriodEnd()).isEqualTo(LocalDate.parse("2023-04-11"));
        }
    }

    @Test
    @DisplayName("the reference computation gives the same local-day tallies")
    void referenceFollows() {
        try (TopologyHarness harness = new TopologyHarness(BAKU_TIME)) {
            MinistryStatement az = accusation("az-1", "AZ", "AM", "2023-04-11T19:30:00Z", "Tegh");
            MinistryStatement am = accusation("am-1", "AM", "AZ", "2023-04-11T21:30:00Z", "Tegh");
            harness.send(az);
            harness.send(am);
            ReferenceTallies reference = new ReferenceTallies(BAKU_TIME, List.of(new ReferenceTallies.Final(az, SYUNIK, false),
                    new ReferenceTallies.Final(am, SYUNIK, false)), TopologyConfig.DEFAULT_PAIRING_DISTANCE.toMillis(),
                    TopologyConfig.DEFAULT_HORIZON.toMillis());

            assertThat(reference.tallies()).containsKeys(SYUNIK + "|DAY|2023-04-11", SYUNIK + "|DAY|2023-04-12");
            assertThat(new java.util.TreeMap<>(harness.tallies())).isEqualTo(reference.tallies());
        }
    }
}
