package org.ceasefire.topology.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.ceasefire.avro.ClaimType;
import org.ceasefire.avro.ContradictionKind;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.internal.PairingCandidate;
import org.ceasefire.avro.internal.ResolvedStatement;
import org.ceasefire.conflict.ConflictDefinition;
import org.ceasefire.topology.Fixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PairingRulesTest {
    private static final long HOUR = Duration.ofHours(1).toMillis();
    private final PairingRules rules = new PairingRules(Fixtures.CONFLICT, 6 * HOUR, 72 * HOUR);

    private static PairingCandidate candidate(MinistryStatement statement) {
        return PairingCandidates.of(resolved(statement, Fixtures.SYUNIK));
    }

    private static ResolvedStatement resolved(MinistryStatement statement, String sector) {
        return ResolvedStatement.newBuilder().setStatement(statement).setSector(sector).setLogTimestamp(0L).build();
    }

    @Test
    @DisplayName("accusations of opposite sides within the distance are a mutual accusation, whichever comes first")
    void mutualAccusation() {
        PairingCandidate am = candidate(Fixtures.accusation("a", "AM", "AZ", "2023-04-11T00:00:00Z", "Tegh"));
        PairingCandidate az = candidate(Fixtures.accusation("b", "AZ", "AM", "2023-04-11T06:00:00Z", "Tegh"));

        assertThat(rules.relate(am, az).kind()).isEqualTo(ContradictionKind.MUTUAL_ACCUSATION);
        assertThat(rules.relate(az, am).kind()).isEqualTo(ContradictionKind.MUTUAL_ACCUSATION);
    }

    @Test
    @DisplayName("accusations one millisecond beyond the distance, or of the same side, do not pair")
    void beyondDistanceOrSameSide() {
        PairingCandidate am = candidate(Fixtures.accusation("a", "AM", "AZ", "2023-04-11T00:00:00Z", "Tegh"));
        PairingCandidate late = candidate(Fixtures.accusation("b", "AZ", "AM", "2023-04-11T06:00:00.001Z", "Tegh"));
        PairingCandidate ally = candidate(Fixtures.accusation("c", "NK", "AZ", "2023-04-11T01:00:00Z", "Tegh"));

        assertThat(rules.relate(am, late)).isNull();
        assertThat(rules.relate(am, ally)).isNull();
    }

    @Test
    @DisplayName("a denial by the accused side pairs; a calm report pairs only inside its period widened by the distance")
    void denialAndCalm() {
        PairingCandidate accusation = candidate(Fixtures.accusation("a", "AM", "AZ", "2023-04-11T18:00:00Z", "Tegh"));
        PairingCandidate denial = candidate(Fixtures.denial("d", "AZ", "2023-04-11T20:00:00Z", "Tegh", null));
        PairingCandidate dayCalm = candidate(Fixtures.calm("c", "AZ", "2023-04-11T00:00:00Z", "2023-04-11T12:00:00Z", "Tegh"));
        PairingCandidate earlyCalm = candidate(Fixtures.calm("e", "AZ", "2023-04-11T00:00:00Z", "2023-04-11T11:59:59Z", "Tegh"));

        assertThat(rules.relate(denial, accusation).kind()).isEqualTo(ContradictionKind.ACCUSATION_DENIED);
        assertThat(rules.relate(accusation, dayCalm).kind()).isEqualTo(ContradictionKind.ACCUSATION_VS_CALM);
        assertThat(rules.relate(accusation, earlyCalm)).isNull();
    }

    @Test
    @DisplayName("an observation naming the accused side corroborates; naming the other side it does not")
    void observation() {
        PairingCandidate accusation = candidate(Fixtures.accusation("a", "AM", "AZ", "2023-04-11T20:00:00Z", "Tegh"));
        PairingCandidate namesAzerbaijan = candidate(Fixtures.statement("o1", "EUMA", ClaimType.OBSERVATION, "2023-04-11T21:00:00Z", "Tegh")
                .setAccused("AZ").build());
        PairingCandidate namesArmenia = candidate(Fixtures.statement("o2", "EUMA", ClaimType.OBSERVATION, "2023-04-11T21:00:00Z", "Tegh")
                .setAccused("AM").build());

        PairingRules.Relation relation = rules.relate(namesAzerbaijan, accusation);
        assertThat(relation.corroboration()).isTrue();
        assertThat(relation.accusation().getStatementId()).isEqualTo("a");
        assertThat(rules.relate(namesArmenia, accusation)).isNull();
    }

    @Test
    @DisplayName("an accusation looks for calm reports up to one horizon before it, and for everything else within the distance")
    void scanRanges() {
        long t = java.time.Instant.parse("2023-04-11T20:00:00Z").toEpochMilli();
        var ranges = rules.candidates(candidate(Fixtures.accusation("a", "AM", "AZ", "2023-04-11T20:00:00Z", "Tegh")));

        assertThat(ranges).containsExactly(
                new PairingRules.ScanRange(ClaimType.ACCUSATION, t - 6 * HOUR, t + 6 * HOUR),
                new PairingRules.ScanRange(ClaimType.DENIAL, t - 6 * HOUR, t + 6 * HOUR),
                new PairingRules.ScanRange(ClaimType.CALM, t - 78 * HOUR, t + 6 * HOUR),
                new PairingRules.ScanRange(ClaimType.OBSERVATION, t - 6 * HOUR, t + 6 * HOUR));
    }

    @Test
    @DisplayName("only an accusation placed in one of the conflict's sectors can be answered by a whole-front calm")
    void answerableByFrontCalm() {
        MinistryStatement accusation = Fixtures.accusation("a", "AM", "AZ", "2023-04-11T20:00:00Z", "Tegh");

        assertThat(rules.answerableByFrontCalm(resolved(accusation, Fixtures.SYUNIK))).isTrue();
        assertThat(rules.answerableByFrontCalm(resolved(accusation, ConflictDefinition.WHOLE_FRONT_SECTOR))).isFalse();
        assertThat(rules.answerableByFrontCalm(resolved(accusation, ConflictDefinition.UNRESOLVED_SECTOR))).isFalse();
    }
}
