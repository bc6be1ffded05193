package org.ceasefire.topology.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

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
        return candidate(statement, Fixtures.SYUNIK);
    }

    private static PairingCandidate candidate(MinistryStatement statement, String sector) {
        return PairingCandidates.of(resolved(statement, sector));
    }

    private static PairingCandidate accusation(String id, String issuer, String accused, String start, String end) {
        return candidate(period(Fixtures.statement(id, issuer, ClaimType.ACCUSATION, start, "Tegh").setAccused(accused), end));
    }

    private static MinistryStatement period(MinistryStatement.Builder builder, String end) {
        return builder.setIncidentEnd(end == null ? null : Instant.parse(end)).build();
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
    @DisplayName("periods: accusations pair when their periods come within the distance (an overlap is distance 0), not only their starts")
    void periodsWithinTheDistance() {
        // 23:40 to 06:05 against a start at 11:00 the next morning: the starts are 11 h 20 apart, the periods 4 h 55.
        PairingCandidate night = accusation("a", "AM", "AZ", "2023-04-10T23:40:00Z", "2023-04-11T06:05:00Z");
        PairingCandidate morning = accusation("b", "AZ", "AM", "2023-04-11T11:00:00Z", null);
        PairingCandidate inside = accusation("c", "AZ", "AM", "2023-04-11T02:00:00Z", "2023-04-11T02:30:00Z");
        PairingCandidate past = accusation("d", "AZ", "AM", "2023-04-11T12:05:01Z", null);

        assertThat(rules.relate(night, morning).kind()).isEqualTo(ContradictionKind.MUTUAL_ACCUSATION);
        assertThat(rules.relate(inside, night).kind()).isEqualTo(ContradictionKind.MUTUAL_ACCUSATION);
        assertThat(rules.relate(night, past)).isNull();
    }

    @Test
    @DisplayName("a denial with a period answers the accusations its period covers; without incident_end, those within the distance")
    void denials() {
        PairingCandidate accusation = accusation("a", "AM", "AZ", "2023-04-11T18:00:00Z", "2023-04-11T19:00:00Z");
        PairingCandidate instant = candidate(Fixtures.denial("d1", "AZ", "2023-04-12T01:00:00Z", "Tegh", null));
        PairingCandidate covering = candidate(period(Fixtures.statement("d2", "AZ", ClaimType.DENIAL, "2023-04-11T17:00:00Z", "Tegh"),
                "2023-04-11T19:00:00Z"));
        PairingCandidate partly = candidate(period(Fixtures.statement("d3", "AZ", ClaimType.DENIAL, "2023-04-11T18:30:00Z", "Tegh"),
                "2023-04-11T23:00:00Z"));

        assertThat(rules.relate(instant, accusation).kind()).isEqualTo(ContradictionKind.ACCUSATION_DENIED);
        assertThat(rules.relate(accusation, covering).kind()).isEqualTo(ContradictionKind.ACCUSATION_DENIED);
        assertThat(rules.relate(accusation, partly)).isNull();
    }

    @Test
    @DisplayName("a calm report covers its own period and no more; without incident_end, its start instant only")
    void calmCoversItsOwnPeriod() {
        PairingCandidate calmDay = candidate(Fixtures.calm("c", "AZ", "2023-04-11T00:00:00Z", "2023-04-12T00:00:00Z", "Tegh"));
        PairingCandidate calmInstant = candidate(Fixtures.calm("i", "AZ", "2023-04-11T18:30:00Z", null, "Tegh"));
        PairingCandidate evening = accusation("a", "AM", "AZ", "2023-04-11T18:00:00Z", "2023-04-11T19:00:00Z");
        PairingCandidate nextMorning = accusation("b", "AM", "AZ", "2023-04-12T05:00:00Z", null);
        PairingCandidate nightBefore = accusation("n", "AM", "AZ", "2023-04-10T23:40:00Z", "2023-04-11T00:10:00Z");

        assertThat(rules.relate(evening, calmDay).kind()).isEqualTo(ContradictionKind.ACCUSATION_VS_CALM);
        assertThat(rules.relate(nightBefore, calmDay).kind()).isEqualTo(ContradictionKind.ACCUSATION_VS_CALM);
        assertThat(rules.relate(nextMorning, calmDay)).isNull();
        assertThat(rules.relate(calmInstant, evening).kind()).isEqualTo(ContradictionKind.ACCUSATION_VS_CALM);
        assertThat(rules.relate(calmInstant, nextMorning)).isNull();
    }

    @Test
    @DisplayName("a calm report speaks only for its issuer's area: Armenia's not for NK-CENTRE, the NK authorities' not after the line ended")
    void calmOnlyInTheIssuersArea() {
        PairingCandidate amCalmInNk = candidate(Fixtures.calm("c", "AM", "2023-04-11T00:00:00Z", "2023-04-12T00:00:00Z", ""), Fixtures.NK_CENTRE);
        PairingCandidate amCalmFront = candidate(Fixtures.calm("f", "AM", "2023-04-11T00:00:00Z", "2023-04-12T00:00:00Z", ""),
                ConflictDefinition.WHOLE_FRONT_SECTOR);
        PairingCandidate azAccusesInNk = candidate(Fixtures.accusation("a", "AZ", "AM", "2023-04-11T12:00:00Z", "Shushi"), Fixtures.NK_CENTRE);
        PairingCandidate azAccusesInSyunik = candidate(Fixtures.accusation("b", "AZ", "AM", "2023-04-11T12:00:00Z", "Tegh"));
        PairingCandidate nkCalmLate = candidate(Fixtures.calm("n", "NK", "2023-09-21T00:00:00Z", "2023-09-22T00:00:00Z", ""), Fixtures.NK_CENTRE);
        PairingCandidate azAccusesLate = candidate(Fixtures.accusation("l", "AZ", "NK", "2023-09-21T12:00:00Z", "Shushi"), Fixtures.NK_CENTRE);

        assertThat(rules.withinArea(amCalmInNk)).isFalse();
        assertThat(rules.relate(azAccusesInNk, amCalmInNk)).isNull();
        // The whole-front copy meets accusations of every sector: only those of Armenia's area pair.
        assertThat(rules.relate(azAccusesInSyunik, amCalmFront).kind()).isEqualTo(ContradictionKind.ACCUSATION_VS_CALM);
        assertThat(rules.relate(azAccusesInNk, amCalmFront)).isNull();
        // Armenia's area is not the whole front, so its calm does not answer an accusation placed nowhere in particular.
        assertThat(rules.withinArea(amCalmFront)).isFalse();
        assertThat(rules.withinArea(nkCalmLate)).isFalse();
        assertThat(rules.relate(azAccusesLate, nkCalmLate)).isNull();
        // Azerbaijan has no areas: its calm speaks for the whole front.
        assertThat(rules.withinArea(candidate(Fixtures.calm("z", "AZ", "2023-04-11T00:00:00Z", null, ""), ConflictDefinition.WHOLE_FRONT_SECTOR)))
                .isTrue();
    }

    @Test
    @DisplayName("an observation corroborates only inside its monitor's mandate: EUMA not in NK-CENTRE, nor before 20 February 2023")
    void observationOnlyInsideTheMandate() {
        PairingCandidate inSyunik = accusation("a", "AM", "AZ", "2023-04-11T20:00:00Z", null);
        PairingCandidate early = accusation("e", "AM", "AZ", "2023-02-19T20:00:00Z", null);
        PairingCandidate inNk = candidate(Fixtures.accusation("n", "NK", "AZ", "2023-04-11T20:00:00Z", "Shushi"), Fixtures.NK_CENTRE);
        PairingCandidate eumaSyunik = candidate(Fixtures.observation("o1", "EUMA", "2023-04-11T21:00:00Z", "Tegh"));
        PairingCandidate eumaEarly = candidate(Fixtures.observation("o2", "EUMA", "2023-02-19T21:00:00Z", "Tegh"));
        PairingCandidate eumaNk = candidate(Fixtures.observation("o3", "EUMA", "2023-04-11T21:00:00Z", "Shushi"), Fixtures.NK_CENTRE);
        PairingCandidate peacekeepersNk = candidate(Fixtures.observation("o4", "RU-PK", "2023-04-11T21:00:00Z", "Shushi"), Fixtures.NK_CENTRE);

        assertThat(rules.relate(eumaSyunik, inSyunik).corroboration()).isTrue();
        assertThat(rules.relate(eumaEarly, early)).isNull();
        assertThat(rules.withinArea(eumaEarly)).isFalse();
        assertThat(rules.relate(eumaNk, inNk)).isNull();
        assertThat(rules.withinArea(eumaNk)).isFalse();
        assertThat(rules.relate(peacekeepersNk, inNk).corroboration()).isTrue();
    }

    @Test
    @DisplayName("an observation's period within the distance of the accusation's corroborates it")
    void observationPeriods() {
        PairingCandidate accusation = accusation("a", "AM", "AZ", "2023-04-11T00:00:00Z", "2023-04-11T03:00:00Z");
        PairingCandidate patrol = candidate(period(Fixtures.statement("o", "EUMA", ClaimType.OBSERVATION, "2023-04-11T08:00:00Z", "Tegh"),
                "2023-04-11T10:00:00Z"));
        PairingCandidate later = candidate(Fixtures.observation("p", "EUMA", "2023-04-11T09:00:01Z", "Tegh"));

        assertThat(rules.relate(patrol, accusation).corroboration()).isTrue();
        assertThat(rules.relate(later, accusation)).isNull();
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
    @DisplayName("a period is taken as at most one horizon long, and is stored as SHORT up to the distance, LONG beyond")
    void periodsClippedToTheHorizon() {
        PairingCandidate week = accusation("w", "AM", "AZ", "2023-04-01T00:00:00Z", "2023-04-08T00:00:00Z");
        PairingCandidate sixHours = accusation("s", "AM", "AZ", "2023-04-01T00:00:00Z", "2023-04-01T06:00:00Z");
        PairingCandidate withinTheWeek = accusation("x", "AZ", "AM", "2023-04-05T00:00:00Z", null);
        PairingCandidate atTheClip = accusation("y", "AZ", "AM", "2023-04-04T06:00:00Z", null);

        assertThat(rules.end(week)).isEqualTo(Instant.parse("2023-04-04T00:00:00Z").toEpochMilli());
        assertThat(rules.length(week)).isEqualTo(PairingRules.Length.LONG);
        assertThat(rules.length(sixHours)).isEqualTo(PairingRules.Length.SHORT);
        assertThat(rules.relate(week, withinTheWeek)).isNull();
        assertThat(rules.relate(week, atTheClip).kind()).isEqualTo(ContradictionKind.MUTUAL_ACCUSATION);
    }

    @Test
    @DisplayName("an accusation scans each claim type in both length classes, reaching back by the longest period of each class")
    void scanRanges() {
        long t = Instant.parse("2023-04-11T20:00:00Z").toEpochMilli();
        long end = t + 2 * HOUR;
        var ranges = rules.candidates(accusation("a", "AM", "AZ", "2023-04-11T20:00:00Z", "2023-04-11T22:00:00Z"));

        assertThat(ranges).containsExactly(
                new PairingRules.ScanRange(ClaimType.ACCUSATION, PairingRules.Length.SHORT, t - 12 * HOUR, end + 6 * HOUR),
                new PairingRules.ScanRange(ClaimType.DENIAL, PairingRules.Length.SHORT, t - 12 * HOUR, end + 6 * HOUR),
                new PairingRules.ScanRange(ClaimType.CALM, PairingRules.Length.SHORT, t - 6 * HOUR, end),
                new PairingRules.ScanRange(ClaimType.OBSERVATION, PairingRules.Length.SHORT, t - 12 * HOUR, end + 6 * HOUR),
                new PairingRules.ScanRange(ClaimType.ACCUSATION, PairingRules.Length.LONG, t - 78 * HOUR, end + 6 * HOUR),
                new PairingRules.ScanRange(ClaimType.DENIAL, PairingRules.Length.LONG, t - 78 * HOUR, end + 6 * HOUR),
                new PairingRules.ScanRange(ClaimType.CALM, PairingRules.Length.LONG, t - 72 * HOUR, end),
                new PairingRules.ScanRange(ClaimType.OBSERVATION, PairingRules.Length.LONG, t - 78 * HOUR, end + 6 * HOUR));
    }

    @Test
    @DisplayName("a denial with a period scans for accusations starting inside it; one without, within the distance of its instant")
    void denialScanRanges() {
        long t = Instant.parse("2023-04-11T20:00:00Z").toEpochMilli();
        var withPeriod = rules.candidates(candidate(period(Fixtures.statement("d", "AZ", ClaimType.DENIAL, "2023-04-11T20:00:00Z", "Tegh"),
                "2023-04-12T08:00:00Z")));
        var instant = rules.candidates(candidate(Fixtures.denial("e", "AZ", "2023-04-11T20:00:00Z", "Tegh", null)));

        assertThat(withPeriod).containsExactly(
                new PairingRules.ScanRange(ClaimType.ACCUSATION, PairingRules.Length.SHORT, t, t + 12 * HOUR),
                new PairingRules.ScanRange(ClaimType.ACCUSATION, PairingRules.Length.LONG, t, t + 12 * HOUR));
        assertThat(instant).containsExactly(
                new PairingRules.ScanRange(ClaimType.ACCUSATION, PairingRules.Length.SHORT, t - 12 * HOUR, t + 6 * HOUR),
                new PairingRules.ScanRange(ClaimType.ACCUSATION, PairingRules.Length.LONG, t - 78 * HOUR, t + 6 * HOUR));
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
