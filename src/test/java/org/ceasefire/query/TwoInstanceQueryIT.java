package org.ceasefire.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ceasefire.query.ItStatements.accusation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.topology.CeasefireTopology;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Two application instances: either answers any query")
class TwoInstanceQueryIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final int PAIRS = 12;
    private static final String[] PLACES = {"Tegh", "Sotk", "Shushi", "Stepanakert"};
    private static RunningApp app;
    private static RunningApp.Instance one;
    private static RunningApp.Instance two;

    @BeforeAll
    static void start() {
        app = new RunningApp(4);
        one = app.startInstance();
        two = app.startInstance();
        List<MinistryStatement> statements = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
            String time = String.format("2023-04-%02dT10:00:00Z", 1 + i);
            String place = PLACES[i % PLACES.length];
            statements.add(accusation("am-" + i, "AM", "AZ", time, place));
            statements.add(accusation("az-" + i, "AZ", "AM", time.replace("T10", "T11"), place));
        }
        app.send(statements.toArray(MinistryStatement[]::new));
        // What each instance says is part of the condition, so a timeout shows the states and answers it waited on.
        String expected = "RUNNING 200 " + PAIRS;
        await().atMost(WAIT).untilAsserted(() -> assertThat(List.of(listed(one), listed(two))).containsExactly(expected, expected));
    }

    /** The instance's state, and the status and number of pairs of its contradiction listing. */
    private static String listed(RunningApp.Instance instance) {
        TestHttp.Reply answer = instance.http().get("/api/contradictions?limit=100");
        return instance.streams().state() + " " + answer.status() + " "
                + (answer.status() == 200 ? String.valueOf(answer.json().path("items").size()) : answer.body());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static HostInfo ownerOfPair(String pairId) {
        KeyQueryMetadata metadata = one.streams().queryMetadataForKey(CeasefireTopology.PAIR_ASSERTIONS_STORE, pairId,
                Serdes.String().serializer());
        return metadata.activeHost();
    }

    @Test
    @DisplayName("each instance answers for pairs whose store partition only the other holds")
    void answersForKeysItDoesNotOwn() {
        int answeredForTheOther = 0;
        for (int i = 0; i < PAIRS; i++) {
            String pairId = "am-" + i + "|az-" + i;
            HostInfo owner = ownerOfPair(pairId);
            RunningApp.Instance notOwner = owner.equals(one.host()) ? two : one;
            // The non-owner's own stores do not hold the pair: its answer must come from the owner.
            assertThat(new StoreQueries(notOwner.streams()).contradiction(pairId)).isEmpty();
            JsonNode pair = notOwner.http().get("/api/contradictions/am-" + i + "%7Caz-" + i).json();
            assertThat(pair.path("pair_id").asText()).isEqualTo(pairId);
            assertThat(pair.path("side_two").path("statement_id").asText()).isEqualTo("az-" + i);
            assertThat(pair.path("side_one").path("location").asText()).isEqualTo(PLACES[i % PLACES.length]);
            JsonNode statement = notOwner.http().get("/api/statements/az-" + i).json();
            assertThat(statement.path("revisions").get(0).path("issuer").asText()).isEqualTo("AZ");
            assertThat(QueryServerTest.ids(statement.path("pairs"))).containsExactly(pairId);
            answeredForTheOther++;
        }
        assertThat(answeredForTheOther).isEqualTo(PAIRS);
        List<HostInfo> owners = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
            owners.add(ownerOfPair("am-" + i + "|az-" + i));
        }
        assertThat(owners).as("pairs are spread over both instances").contains(one.host(), two.host());
    }

    @Test
    @DisplayName("both instances give the same merged lists, in the same order, page by page")
    void sameListsEverywhere() {
        for (String path : List.of("/api/contradictions?limit=100", "/api/sectors", "/api/discrepancies",
                "/api/sectors/SYUNIK/days", "/api/contradictions?limit=5", "/api/contradictions?party=NK", "/api/clusters?limit=100",
                "/api/clusters?sector=SYUNIK&limit=3")) {
            assertThat(one.http().get(path).body()).as(path).isEqualTo(two.http().get(path).body());
        }
        // One pair a day: every pair is an incident cluster of its own, whichever instance holds it.
        assertThat(one.http().get("/api/clusters?limit=100").json().path("items")).hasSize(PAIRS)
                .allSatisfy(cluster -> assertThat(cluster.path("pair_count").asInt()).isEqualTo(1));
        List<String> paged = new ArrayList<>();
        String cursor = "";
        do {
            JsonNode page = one.http().get("/api/contradictions?limit=5" + cursor).json();
            paged.addAll(QueryServerTest.ids(page.path("items")));
            cursor = page.path("next_cursor").isNull() ? null : "&cursor=" + page.path("next_cursor").asText();
        } while (cursor != null);
        List<String> expected = new ArrayList<>();
        for (int i = PAIRS - 1; i >= 0; i--) {
            expected.add("am-" + i + "|az-" + i);
        }
        assertThat(paged).containsExactlyElementsOf(expected);
        JsonNode syunik = QueryServerTest.find(two.http().get("/api/sectors").json(), "sector", "SYUNIK");
        assertThat(syunik.path("all_time").path("accusations").path("AM").asLong()).isEqualTo(PAIRS / PLACES.length);
    }
}
