package org.ceasefire.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ceasefire.topology.Fixtures.SYUNIK;
import static org.ceasefire.topology.Fixtures.accusation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.ceasefire.avro.Casualty;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.PeriodKind;
import org.ceasefire.avro.SectorTally;
import org.ceasefire.avro.internal.ResolvedStatement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TalliesTest {
    @Test
    @DisplayName("casualties are tallied per issuer and party, side by side; civilian ones also separately")
    void casualties() {
        try (TopologyHarness harness = new TopologyHarness()) {
            harness.send(MinistryStatement.newBuilder(accusation("am-1", "AM", "AZ", "2023-04-11T12:00:00Z", "Tegh"))
                    .setCasualties(Fixtures.casualties(new Casualty("AM", 4, 6, false, 0, 0), new Casualty("AM", 1, 2, true, 0, 0))).build());
            harness.send(MinistryStatement.newBuilder(accusation("az-1", "AZ", "AM", "2023-04-11T13:00:00Z", "Tegh"))
                    .setCasualties(Fixtures.casualties(new Casualty("AZ", 0, 1, false, 0, 0), new Casualty("AM", 3, 0, false, 0, 0))).build());

            SectorTally day = harness.tally(SYUNIK + "|DAY|2023-04-11");
            assertThat(day.getKilledClaimed()).containsOnly(Map.entry("AM>AM", 5L), Map.entry("AZ>AM", 3L));
            assertThat(day.getWoundedClaimed()).containsOnly(Map.entry("AM>AM", 8L), Map.entry("AZ>AZ", 1L));
            assertThat(day.getCivilianCasualtiesClaimed()).containsOnly(Map.entry("AM>AM", 3L));
            assertThat(day.getContradictions()).containsOnly(Map.entry("MUTUAL_ACCUSATION", 1L));
            assertThat(day.getUnansweredAccusations()).isZero();
            assertThat(day.getPeriodKind()).isEqualTo(PeriodKind.DAY);
            assertThat(day.getPeriodStart()).isEqualTo(LocalDate.parse("2023-04-11"));
            assertThat(harness.tally(SYUNIK + "|ALL_TIME").getKilledClaimed()).isEqualTo(day.getKilledClaimed());
        }
    }

    @Test
    @DisplayName("rolling windows end on the latest incident day of the sector, follow late data, and step back when it is retracted")
    void rollingWindows() {
        try (TopologyHarness harness = new TopologyHarness()) {
            harness.send(accusation("a-01", "AM", "AZ", "2023-04-01T12:00:00Z", "Tegh"));
            harness.send(accusation("a-05", "AM", "AZ", "2023-04-05T12:00:00Z", "Tegh"));
            harness.send(accusation("a-11", "AM", "AZ", "2023-04-11T12:00:00Z", "Tegh"));

            SectorTally week = harness.tally(SYUNIK + "|ROLLING_7D");
            assertThat(week.getPeriodStart()).isEqualTo(LocalDate.parse("2023-04-05"));
            assertThat(week.getPeriodEnd()).isEqualTo(LocalDate.parse("2023-04-11"));
            assertThat(week.getAccusations()).containsOnly(Map.entry("AM", 2L));
            assertThat(harness.tally(SYUNIK + "|ROLLING_30D").getAccusations()).containsOnly(Map.entry("AM", 3L));
            assertThat(harness.tally(SYUNIK + "|ROLLING_30D").getPeriodStart()).isEqualTo(LocalDate.parse("2023-03-13"));

            MinistryStatement later = accusation("a-14", "AM", "AZ", "2023-04-14T12:00:00Z", "Tegh");
            harness.send(later, Instant.parse("2023-06-01T00:00:00Z"));
            assertThat(harness.tally(SYUNIK + "|ROLLING_7D").getPeriodEnd()).isEqualTo(LocalDate.parse("2023-04-14"));
            assertThat(harness.tally(SYUNIK + "|ROLLING_7D").getAccusations()).containsOnly(Map.entry("AM", 2L));

            harness.send(MinistryStatement.newBuilder(later).setRevision(2).setRetracted(true).build(), Instant.parse("2023-06-02T00:00:00Z"));
            assertThat(harness.tally(SYUNIK + "|ROLLING_7D")).isEqualTo(week);
            assertThat(harness.tally(SYUNIK + "|ALL_TIME").getAccusations()).containsOnly(Map.entry("AM", 3L));
            assertThat(harness.tally(SYUNIK + "|DAY|2023-04-14")).isNull();
        }
    }

    @Test
    @DisplayName("the day-tallies store is keyed so that one sector's days range-scan in order")
    void dayStoreRangeScan() {
        try (TopologyHarness harness = new TopologyHarness()) {
            harness.send(accusation("a-11", "AM", "AZ", "2023-04-11T12:00:00Z", "Tegh"));
            harness.send(accusation("a-02", "AM", "AZ", "2023-04-02T12:00:00Z", "Tegh"));
            harness.send(accusation("b-05", "AM", "AZ", "2023-04-05T12:00:00Z", "Sotk"));

            var store = harness.<SectorTally>store(CeasefireTopology.DAY_TALLIES_STORE);
            String prefix = SectorKeys.dayPrefix(SYUNIK);
            try (KeyValueIterator<String, SectorTally> days = store.range(prefix + "2023-04-01", prefix + "2023-04-30")) {
                assertThat(days).toIterable().extracting(kv -> kv.key)
                        .containsExactly("SYUNIK|DAY|2023-04-02", "SYUNIK|DAY|2023-04-11");
            }
            assertThat(harness.<SectorTally>store(CeasefireTopology.CURRENT_TALLIES_STORE).get(SectorKeys.current(SYUNIK, PeriodKind.ALL_TIME))
                    .getAccusations()).containsOnly(Map.entry("AM", 2L));
        }
    }

    @Test
    @DisplayName("pairing state is bounded: old statements leave the pairing store, and their pairs can still be withdrawn")
    void evictionKeepsStateBounded() {
        try (TopologyHarness harness = new TopologyHarness(Duration.ofHours(1), Duration.ofHours(2))) {
            MinistryStatement am = accusation("am-1", "AM", "AZ", "2023-04-11T12:00:00Z", "Tegh");
            harness.send(am);
            harness.send(accusation("az-1", "AZ", "AM", "2023-04-11T12:30:00Z", "Tegh"));
            // Each accusation is held twice: in its sector, and in the task-wide index that whole-front calms scan.
            assertThat(pairingEntries(harness)).isEqualTo(4);

            // Stream time moves two days on: both are past 2 horizons + distance (5 h).
            harness.send(accusation("am-2", "AM", "AZ", "2023-04-13T12:00:00Z", "Sotk"));
            assertThat(pairingEntries(harness)).isEqualTo(2);

            harness.send(MinistryStatement.newBuilder(am).setRevision(2).setRetracted(true).build(), Instant.parse("2023-04-13T13:00:00Z"));
            assertThat(harness.contradictions()).isEmpty();
            assertThat(harness.tally(SYUNIK + "|DAY|2023-04-11").getContradictions()).isEmpty();
        }
    }

    private static long pairingEntries(TopologyHarness harness) {
        long count = 0;
        try (KeyValueIterator<String, ResolvedStatement> it = harness.<ResolvedStatement>store(CeasefireTopology.PAIRING_STORE).all()) {
            while (it.hasNext()) {
                it.next();
                count++;
            }
        }
        return count;
    }
}
