package org.ceasefire.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ceasefire.topology.Fixtures.SYUNIK;
import static org.ceasefire.topology.Fixtures.accusation;

import java.util.ArrayList;
import java.util.List;

import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.Place;
import org.ceasefire.avro.TimePrecision;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A pair is known as precisely as the coarser of its two statements, in time and in place. */
class PairPrecisionTest {
    private static Place place(String id, String name, String precision) {
        return Place.newBuilder(Fixtures.place(id, List.of(name), Fixtures.assignment(SYUNIK, null, null)))
                .setNames(new ArrayList<>(List.of(name))).setPrecision(precision).build();
    }

    @Test
    @DisplayName("EXACT in a village against PART_OF_DAY in a district: the pair is PART_OF_DAY and district")
    void coarserOfTheTwo() {
        try (TopologyHarness harness = new TopologyHarness()) {
            harness.place(place("agarak", "Agarak", "village"));
            harness.place(place("meghri-district", "Meghri district", "district"));
            harness.send(accusation("am-1", "AM", "AZ", "2023-04-11T22:40:00Z", "Agarak"));
            harness.send(MinistryStatement.newBuilder(accusation("az-1", "AZ", "AM", "2023-04-11T21:00:00Z", "Meghri district"))
                    .setTimePrecision(TimePrecision.PART_OF_DAY).build());

            ClaimContradiction pair = harness.contradictions().get(Pairs.pairId("am-1", "az-1"));
            assertThat(pair.getTimePrecision()).isEqualTo(TimePrecision.PART_OF_DAY);
            assertThat(pair.getPlacePrecision()).isEqualTo("district");
        }
    }

    @Test
    @DisplayName("two exact statements in a village and on a height: EXACT and height; a place without precision makes it unknown")
    void finestAndUnknown() {
        try (TopologyHarness harness = new TopologyHarness()) {
            harness.place(place("agarak", "Agarak", "village"));
            harness.place(place("height-1", "Height 1", "height"));
            harness.send(accusation("am-1", "AM", "AZ", "2023-04-11T22:40:00Z", "Agarak"));
            harness.send(accusation("az-1", "AZ", "AM", "2023-04-11T22:00:00Z", "Height 1"));
            ClaimContradiction pair = harness.contradictions().get(Pairs.pairId("am-1", "az-1"));
            assertThat(pair.getTimePrecision()).isEqualTo(TimePrecision.EXACT);
            assertThat(pair.getPlacePrecision()).isEqualTo("height");

            // Tegh has no precision in the test gazetteer.
            harness.send(MinistryStatement.newBuilder(accusation("az-2", "AZ", "AM", "2023-04-11T23:00:00Z", "Tegh"))
                    .setTimePrecision(TimePrecision.HOUR).build());
            ClaimContradiction unknown = harness.contradictions().get(Pairs.pairId("am-1", "az-2"));
            assertThat(unknown.getTimePrecision()).isEqualTo(TimePrecision.HOUR);
            assertThat(unknown.getPlacePrecision()).isNull();
        }
    }

    @Test
    @DisplayName("a revision that states the time more coarsely makes the pair coarser")
    void revisionCoarsens() {
        try (TopologyHarness harness = new TopologyHarness()) {
            harness.place(place("agarak", "Agarak", "village"));
            MinistryStatement am = accusation("am-1", "AM", "AZ", "2023-04-11T22:40:00Z", "Agarak");
            harness.send(am);
            harness.send(accusation("az-1", "AZ", "AM", "2023-04-11T22:00:00Z", "Agarak"));
            assertThat(harness.contradictions().get(Pairs.pairId("am-1", "az-1")).getTimePrecision()).isEqualTo(TimePrecision.EXACT);
            harness.send(MinistryStatement.newBuilder(am).setRevision(2).setTimePrecision(TimePrecision.DAY).build());
            assertThat(harness.contradictions().get(Pairs.pairId("am-1", "az-1")).getTimePrecision()).isEqualTo(TimePrecision.DAY);
        }
    }

    @Test
    @DisplayName("the order of place precisions: village, height, town, road, district, direction; unknown stays unknown")
    void placeOrder() {
        assertThat(Precision.coarserPlace("village", "town")).isEqualTo("town");
        assertThat(Precision.coarserPlace("direction", "district")).isEqualTo("direction");
        assertThat(Precision.coarserPlace("road", "height")).isEqualTo("road");
        assertThat(Precision.coarserPlace("village", null)).isNull();
        assertThat(Precision.coarserPlace("village", "planet")).isNull();
        assertThat(Precision.coarser(TimePrecision.HOUR, TimePrecision.EXACT)).isEqualTo(TimePrecision.HOUR);
    }
}
