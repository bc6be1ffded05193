package org.ceasefire.topology.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.ceasefire.avro.Casualty;
import org.ceasefire.avro.ClaimType;
import org.ceasefire.avro.ContradictionKind;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.PeriodKind;
import org.ceasefire.avro.SectorTally;
import org.ceasefire.avro.internal.AccusationLinks;
import org.ceasefire.avro.internal.SectorPair;
import org.ceasefire.topology.Fixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TallyCountsTest {
    private static final LocalDate DAY = LocalDate.parse("2023-04-11");

    @Test
    @DisplayName("a statement's contribution counts its issuer, claim and casualty figures, and subtracting it leaves nothing")
    void statementAddsAndSubtracts() {
        MinistryStatement s = Fixtures.statement("s", "AM", ClaimType.ACCUSATION, "2023-04-11T00:00:00Z", "Tegh").setAccused("AZ")
                .setCasualties(Fixtures.casualties(new Casualty("AM", 2, 3, true, 0, 0))).build();
        TallyCounts counts = new TallyCounts();

        Contributions.statement(s, counts, 1);
        SectorTally tally = counts.toTally("SYUNIK", PeriodKind.DAY, DAY, DAY);
        assertThat(tally.getStatements()).containsEntry("AM", 1L);
        assertThat(tally.getAccusations()).containsEntry("AM", 1L);
        assertThat(tally.getKilledClaimed()).containsEntry("AM>AM", 2L);
        assertThat(tally.getWoundedClaimed()).containsEntry("AM>AM", 3L);
        assertThat(tally.getCivilianCasualtiesClaimed()).containsEntry("AM>AM", 5L);

        Contributions.statement(s, counts, -1);
        assertThat(counts.isEmpty()).isTrue();
        assertThat(counts).isEqualTo(new TallyCounts());
    }

    @Test
    @DisplayName("an active accusation without pairs is unanswered (and corroborated if observed); with a pair, or inactive, it adds nothing")
    void accusationState() {
        TallyCounts unanswered = new TallyCounts();
        Contributions.accusation(new AccusationLinks(0, 1, (int) DAY.toEpochDay()), unanswered, 1);
        SectorTally tally = unanswered.toTally("SYUNIK", PeriodKind.DAY, DAY, DAY);
        assertThat(tally.getUnansweredAccusations()).isEqualTo(1L);
        assertThat(tally.getCorroborations()).isEqualTo(1L);

        TallyCounts paired = new TallyCounts();
        Contributions.accusation(new AccusationLinks(1, 1, (int) DAY.toEpochDay()), paired, 1);
        Contributions.accusation(new AccusationLinks(0, 0, null), paired, 1);
        assertThat(paired.isEmpty()).isTrue();
    }

    @Test
    @DisplayName("a pair counts once by kind, on the day of its earlier incident, plus a corroboration when corroborated")
    void pair() {
        SectorPair pair = new SectorPair("a|b", ContradictionKind.MUTUAL_ACCUSATION,
                java.time.Instant.parse("2023-04-11T23:00:00Z").toEpochMilli(), "a", "b", false, true, null, true);
        TallyCounts counts = new TallyCounts();

        Contributions.pair(pair, counts, 1);
        SectorTally tally = counts.toTally("SYUNIK", PeriodKind.DAY, DAY, DAY);
        assertThat(tally.getContradictions()).isEqualTo(java.util.Map.of("MUTUAL_ACCUSATION", 1L));
        assertThat(tally.getCorroborations()).isEqualTo(1L);
        assertThat(new TallyDays(org.ceasefire.conflict.LocalDays.UTC).of(pair)).isEqualTo(DAY);
        // 23:00 UTC is 03:00 the next morning in Baku: the conflict's own day.
        assertThat(new TallyDays(new org.ceasefire.conflict.LocalDays(java.time.ZoneId.of("Asia/Baku"))).of(pair))
                .isEqualTo(DAY.plusDays(1));
    }

    @Test
    @DisplayName("counts read back from a tally and added to equal the sum; zero entries vanish so equal sums have equal bytes")
    void roundTripAndZeroes() {
        TallyCounts a = new TallyCounts();
        a.add(TallyCounts.STATEMENTS, "AM", 2);
        a.add(TallyCounts.STATEMENTS, "AZ", 1);
        TallyCounts b = TallyCounts.of(a.toTally("SYUNIK", PeriodKind.DAY, DAY, DAY));
        b.add(TallyCounts.STATEMENTS, "AZ", -1);

        assertThat(b.toTally("SYUNIK", PeriodKind.DAY, DAY, DAY).getStatements()).isEqualTo(java.util.Map.of("AM", 2L));
        assertThat(List.copyOf(b.toTally("SYUNIK", PeriodKind.DAY, DAY, DAY).getStatements().keySet())).containsExactly("AM");
    }
}
