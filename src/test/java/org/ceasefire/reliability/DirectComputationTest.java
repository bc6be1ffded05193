package org.ceasefire.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.SectorTally;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The fault tests' direct judge names every pair and tally the live output lacks, adds or gets wrong. */
class DirectComputationTest {
    private final List<MinistryStatement> statements = FaultCluster.generated(600, 17);
    private final DirectComputation.Expected expected = new DirectComputation(FaultCluster.CONFLICT).expected(statements);

    @Test
    @DisplayName("the generated input gives pairs of every kind and tallies in several sectors")
    void expectsRealWork() {
        assertThat(expected.pairs().values()).anyMatch(kind -> kind.startsWith("MUTUAL_ACCUSATION"))
                .anyMatch(kind -> kind.startsWith("ACCUSATION_DENIED")).anyMatch(kind -> kind.startsWith("ACCUSATION_VS_CALM"));
        assertThat(expected.tallies().keySet().stream().map(key -> key.split("\\|")[0]).distinct()).hasSizeGreaterThan(3);
    }

    @Test
    @DisplayName("output equal to the direct computation has no differences; one lost pair, one extra pair and one wrong tally are each named")
    void namesEachDifference() {
        Map<String, String> pairs = new TreeMap<>(expected.pairs());
        Map<String, SectorTally> tallies = new TreeMap<>(expected.tallies());
        assertThat(DirectComputation.differences(expected, tallies, pairs)).isEmpty();

        String lost = pairs.keySet().iterator().next();
        String kind = pairs.remove(lost);
        pairs.put("x|y", "MUTUAL_ACCUSATION in SYUNIK");
        String wrongKey = tallies.keySet().iterator().next();
        SectorTally wrong = SectorTally.newBuilder(tallies.get(wrongKey)).setUnansweredAccusations(99).build();
        tallies.put(wrongKey, wrong);

        assertThat(DirectComputation.differences(expected, tallies, pairs)).containsExactlyInAnyOrder(
                "pair " + lost + ": expected " + kind + ", live none",
                "pair x|y: expected none, live MUTUAL_ACCUSATION in SYUNIK",
                "tally " + wrongKey + ": expected " + expected.tallies().get(wrongKey) + ", live " + wrong);
    }
}
