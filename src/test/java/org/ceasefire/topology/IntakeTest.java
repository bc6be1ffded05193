package org.ceasefire.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ceasefire.topology.Fixtures.SYUNIK;
import static org.ceasefire.topology.Fixtures.accusation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.internal.UnresolvedName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IntakeTest {
    private static final Instant LOGGED = Instant.parse("2023-04-11T13:00:00Z");
    private final TopologyHarness harness = new TopologyHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("undecodable bytes reach the DLQ with the original key, value and headers, the reason and the origin; processing goes on")
    void undecodable() {
        byte[] key = "am-1".getBytes(StandardCharsets.UTF_8);
        byte[] value = {0, 0, 0, 0, 42, 1, 2, 3};
        RecordHeaders headers = new RecordHeaders();
        headers.add("trace-id", "abc".getBytes(StandardCharsets.UTF_8));
        harness.sendRaw(key, value, headers, LOGGED);
        harness.send(accusation("am-2", "AM", "AZ", "2023-04-11T12:00:00Z", "Tegh"), LOGGED);

        List<TestRecord<byte[], byte[]>> dlq = harness.deadLetters();
        assertThat(dlq).hasSize(1);
        TestRecord<byte[], byte[]> record = dlq.get(0);
        assertThat(record.key()).isEqualTo(key);
        assertThat(record.value()).isEqualTo(value);
        assertThat(header(record, "trace-id")).isEqualTo("abc");
        assertThat(header(record, DeadLetterHeaders.REASON)).startsWith("value: cannot be decoded as a MinistryStatement");
        assertThat(header(record, DeadLetterHeaders.TOPIC)).isEqualTo("ceasefire.statements");
        assertThat(header(record, DeadLetterHeaders.PARTITION)).isEqualTo("0");
        assertThat(header(record, DeadLetterHeaders.OFFSET)).isEqualTo("0");
        assertThat(harness.tally(SYUNIK + "|DAY|2023-04-11").getStatements()).containsOnly(Map.entry("AM", 1L));
    }

    static Stream<Arguments> violations() {
        MinistryStatement good = accusation("am-1", "AM", "AZ", "2023-04-11T12:00:00Z", "Tegh");
        return Stream.of(
                Arguments.of(MinistryStatement.newBuilder(good).setIssuer("XX").build(), "issuer: unknown party 'XX' for conflict AM-AZ"),
                Arguments.of(MinistryStatement.newBuilder(good).setAccused(null).build(), "accused: required for an ACCUSATION"),
                Arguments.of(MinistryStatement.newBuilder(good).setAccused("AM").build(), "accused: equals the issuer AM"),
                Arguments.of(MinistryStatement.newBuilder(good).setAccused("NK").build(), "accused: NK is on the issuer's own side"),
                Arguments.of(MinistryStatement.newBuilder(good).setIncidentEnd(Instant.parse("2023-04-11T11:00:00Z")).build(),
                        "incident_end: is before incident_start"),
                Arguments.of(MinistryStatement.newBuilder(good).setRevision(0).build(), "revision: must be at least 1, was 0"),
                Arguments.of(MinistryStatement.newBuilder(good).setClaim(org.ceasefire.avro.ClaimType.OBSERVATION).build(),
                        "claim: OBSERVATION is for neutral monitors; AM is a party of a side"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("violations")
    @DisplayName("each contract violation reaches the DLQ with the field named in the reason, and nothing is tallied")
    void contractViolation(MinistryStatement statement, String reason) {
        harness.send(statement, LOGGED);

        List<TestRecord<byte[], byte[]>> dlq = harness.deadLetters();
        assertThat(dlq).hasSize(1);
        assertThat(header(dlq.get(0), DeadLetterHeaders.REASON)).contains(reason);
        assertThat(new String(dlq.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("am-1");
        assertThat(harness.tallies()).isEmpty();
    }

    @Test
    @DisplayName("a record whose key is not its statement_id is rejected: its revisions could land in another partition")
    void keyMismatch() {
        MinistryStatement statement = accusation("am-1", "AM", "AZ", "2023-04-11T12:00:00Z", "Tegh");
        byte[] value = harness.<MinistryStatement>serde().serializer().serialize("ceasefire.statements", statement);
        harness.sendRaw("other".getBytes(StandardCharsets.UTF_8), value, new RecordHeaders(), LOGGED);

        assertThat(header(harness.deadLetters().get(0), DeadLetterHeaders.REASON))
                .isEqualTo("key: the record key 'other' must equal statement_id 'am-1'");
    }

    @Test
    @DisplayName("the same id and revision with different content goes to the DLQ and leaves the first one counted")
    void conflictingRevision() {
        MinistryStatement first = accusation("am-1", "AM", "AZ", "2023-04-11T12:00:00Z", "Tegh");
        harness.send(first, LOGGED);
        harness.send(MinistryStatement.newBuilder(first).setLocation("Sotk").build(), LOGGED);

        assertThat(header(harness.deadLetters().get(0), DeadLetterHeaders.REASON))
                .isEqualTo("revision: statement am-1 revision 1 was already received with different content");
        assertThat(header(harness.deadLetters().get(0), DeadLetterHeaders.OFFSET)).isEqualTo("1");
        assertThat(harness.tally(SYUNIK + "|DAY|2023-04-11").getStatements()).containsOnly(Map.entry("AM", 1L));
        assertThat(harness.tally(Fixtures.GEGHARKUNIK + "|DAY|2023-04-11")).isNull();
    }

    @Test
    @DisplayName("a statement logged after the horizon is tallied, written to the late topic, and not paired by time")
    void lateStatement() {
        harness.send(accusation("am-1", "AM", "AZ", "2023-04-11T12:00:00Z", "Tegh"));
        MinistryStatement late = accusation("az-1", "AZ", "AM", "2023-04-11T13:00:00Z", "Tegh");
        harness.send(late, Instant.parse("2023-04-14T13:00:01Z"));

        assertThat(harness.late()).containsExactly(late);
        assertThat(harness.contradictions()).isEmpty();
        assertThat(harness.tally(SYUNIK + "|DAY|2023-04-11").getStatements()).containsOnly(Map.entry("AM", 1L), Map.entry("AZ", 1L));
        assertThat(harness.tally(SYUNIK + "|DAY|2023-04-11").getUnansweredAccusations()).isEqualTo(2);
    }

    @Test
    @DisplayName("exactly one horizon after incident_start is not late; a late accusation still pairs with a DENIAL by refers_to")
    void horizonBoundaryAndLateReference() {
        harness.send(accusation("am-1", "AM", "AZ", "2023-04-11T12:00:00Z", "Tegh"), Instant.parse("2023-04-14T12:00:00Z"));
        harness.send(accusation("am-2", "AM", "AZ", "2023-04-11T12:00:00Z", "Tegh"), Instant.parse("2023-05-01T00:00:00Z"));
        harness.send(Fixtures.denial("az-d", "AZ", "2023-05-01T00:00:00Z", "", "am-2"), Instant.parse("2023-05-01T01:00:00Z"));

        assertThat(harness.late()).extracting(MinistryStatement::getStatementId).containsExactly("am-2");
        assertThat(harness.contradictions()).containsOnlyKeys("am-2|az-d");
    }

    @Test
    @DisplayName("an unknown place is tallied under UNRESOLVED with its raw name counted; an empty location under WHOLE_FRONT")
    void unresolvedAndWholeFront() {
        harness.send(accusation("am-1", "AM", "AZ", "2023-04-11T12:00:00Z", "Nowhere Hill"));
        harness.send(accusation("am-2", "AM", "AZ", "2023-04-11T12:00:00Z", "Nowhere Hill"));
        harness.send(accusation("am-3", "AM", "AZ", "2023-04-11T12:00:00Z", ""));
        harness.send(accusation("az-1", "AZ", "AM", "2023-04-11T12:00:00Z", "Nowhere Hill"));

        assertThat(harness.tally("UNRESOLVED|DAY|2023-04-11").getStatements()).containsOnly(Map.entry("AM", 2L), Map.entry("AZ", 1L));
        assertThat(harness.tally("WHOLE_FRONT|DAY|2023-04-11").getStatements()).containsOnly(Map.entry("AM", 1L));
        // Unresolved statements pair only through refers_to.
        assertThat(harness.contradictions()).isEmpty();
        UnresolvedName name = harness.<UnresolvedName>store(CeasefireTopology.UNRESOLVED_NAMES_STORE).get("Nowhere Hill");
        assertThat(name.getStatements()).isEqualTo(3);
        assertThat(name.getNormalised()).isEqualTo("nowhere hill");
    }

    @Test
    @DisplayName("gazetteer corrections apply while running: an added name resolves, a removed name no longer does")
    void gazetteerCorrection() {
        harness.send(accusation("am-1", "AM", "AZ", "2023-04-11T12:00:00Z", "Kut"));
        harness.place(Fixtures.place("sotk", List.of("Sotk", "Kut"), Fixtures.assignment(Fixtures.GEGHARKUNIK, null, null)));
        harness.send(accusation("am-2", "AM", "AZ", "2023-04-11T12:00:00Z", "Kut"));
        harness.send(accusation("am-3", "AM", "AZ", "2023-04-11T12:00:00Z", "Zod"));

        assertThat(harness.tally("UNRESOLVED|DAY|2023-04-11").getStatements()).containsOnly(Map.entry("AM", 2L));
        assertThat(harness.tally(Fixtures.GEGHARKUNIK + "|DAY|2023-04-11").getStatements()).containsOnly(Map.entry("AM", 1L));

        harness.removePlace("sotk");
        harness.send(accusation("am-4", "AM", "AZ", "2023-04-11T12:00:00Z", "Sotk"));
        assertThat(harness.tally("UNRESOLVED|DAY|2023-04-11").getStatements()).containsOnly(Map.entry("AM", 3L));
    }

    @Test
    @DisplayName("the sector is the one valid on the incident day: Stepanakert after 1 October 2023 is UNRESOLVED")
    void sectorValidity() {
        harness.send(accusation("am-1", "AM", "AZ", "2023-09-30T23:00:00Z", "Stepanakert"));
        harness.send(accusation("am-2", "AM", "AZ", "2023-10-01T00:00:00Z", "Степанакерт"));

        assertThat(harness.tally(Fixtures.NK_CENTRE + "|DAY|2023-09-30").getStatements()).containsOnly(Map.entry("AM", 1L));
        assertThat(harness.tally("UNRESOLVED|DAY|2023-10-01").getStatements()).containsOnly(Map.entry("AM", 1L));
    }
}
