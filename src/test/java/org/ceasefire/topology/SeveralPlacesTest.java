package org.ceasefire.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.ceasefire.avro.MinistryStatement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SeveralPlacesTest {
    private static final String TWO_SECTORS = "Tegh, Sotk";

    @Test
    @DisplayName("a statement naming places in two sectors is tallied once in each and paired in each; its retraction withdraws both")
    void tallyAndPairInEverySectorNamed() {
        try (TopologyHarness harness = new TopologyHarness()) {
            MinistryStatement both = Fixtures.accusation("am-1", "AM", "AZ", "2023-04-11T10:00:00Z", TWO_SECTORS);
            harness.send(both);
            harness.send(Fixtures.accusation("az-1", "AZ", "AM", "2023-04-11T11:00:00Z", "Tegh"));
            harness.send(Fixtures.accusation("az-2", "AZ", "AM", "2023-04-11T12:00:00Z", "Sotk"));

            assertThat(harness.tally("SYUNIK|ALL_TIME").getAccusations()).containsEntry("AM", 1L).containsEntry("AZ", 1L);
            assertThat(harness.tally("GEGHARKUNIK-KALBAJAR|ALL_TIME").getAccusations()).containsEntry("AM", 1L).containsEntry("AZ", 1L);
            assertThat(harness.contradictions()).containsOnlyKeys("am-1|az-1", "am-1|az-2");
            assertThat(harness.contradictions().get("am-1|az-1").getSector()).isEqualTo(Fixtures.SYUNIK);
            assertThat(harness.contradictions().get("am-1|az-2").getSector()).isEqualTo(Fixtures.GEGHARKUNIK);
            assertThat(harness.contradictions().get("am-1|az-2").getSideOne().getPlaceId()).isEqualTo("sotk");

            harness.send(MinistryStatement.newBuilder(both).setRevision(2).setRetracted(true).build());

            assertThat(harness.contradictions()).isEmpty();
            assertThat(harness.tally("SYUNIK|ALL_TIME").getAccusations()).doesNotContainKey("AM");
            assertThat(harness.tally("GEGHARKUNIK-KALBAJAR|ALL_TIME").getAccusations()).doesNotContainKey("AM");
        }
    }
}
