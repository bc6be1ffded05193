package org.ceasefire.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ceasefire.query.ItStatements.accusation;
import static org.ceasefire.query.ItStatements.revised;
import static org.ceasefire.query.ItStatements.wounded;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import org.ceasefire.avro.MinistryStatement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@DisplayName("Query API against the running topology on the embedded broker and registry")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QueryApiIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static RunningApp app;
    private static TestHttp http;

    @BeforeAll
    static void start() {
        app = new RunningApp(2);
        http = app.startInstance().http();
        MinistryStatement am1 = wounded(accusation("am-1", "AM", "AZ", "2023-04-11T12:00:00Z", "Tegh"), "AM", 2);
        app.send(am1,
                accusation("az-1", "AZ", "AM", "2023-04-11T14:00:00Z", "Tegh village"),
                accusation("am-2", "AM", "AZ", "2023-04-18T06:00:00Z", "Sotk"),
                accusation("az-2", "AZ", "AM", "2023-04-18T07:00:00Z", "Zod"),
                accusation("am-3", "AM", "AZ", "2023-04-12T09:00:00Z", "Atlantis"),
                revised(am1, 2, "Revised: fire near Tegh."));
        app.sendGarbage("broken-1");
        await().atMost(WAIT).until(() -> http.get("/api/contradictions").json().path("items").size() == 2
                && http.get("/api/statements/am-1").status() == 200
                && http.get("/api/statements/am-1").json().path("revisions").size() == 2);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    @DisplayName("lists the two mutual accusations newest first, with both sides' statements as written")
    void contradictions() {
        // The setup waited for the second revision of am-1 in the intake; the pair takes it two stages later.
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode items = http.get("/api/contradictions").json().path("items");
            assertThat(QueryServerTest.ids(items)).containsExactly("am-2|az-2", "am-1|az-1");
            JsonNode tegh = items.get(1);
            assertThat(tegh.path("kind").asText()).isEqualTo("MUTUAL_ACCUSATION");
            assertThat(tegh.path("sector").asText()).isEqualTo("SYUNIK");
            assertThat(tegh.path("incident_start").asText()).isEqualTo("2023-04-11T12:00:00Z");
            assertThat(tegh.path("side_one").path("issuer").asText()).isEqualTo("AM");
            assertThat(tegh.path("side_one").path("revision").asInt()).isEqualTo(2);
            assertThat(tegh.path("side_one").path("casualties").get(0).path("wounded").asInt()).isEqualTo(2);
            assertThat(tegh.path("side_two").path("location").asText()).isEqualTo("Tegh village");
            assertThat(tegh.path("side_two").path("source_url").asText()).isEqualTo("https://example.org/az-1");
            assertThat(QueryServerTest.ids(http.get("/api/contradictions?sector=GEGHARKUNIK-KALBAJAR").json().path("items")))
                    .containsExactly("am-2|az-2");
            assertThat(QueryServerTest.ids(http.get("/api/contradictions?from=2023-04-01&to=2023-04-15").json().path("items")))
                    .containsExactly("am-1|az-1");
            assertThat(http.get("/api/contradictions/am-1%7Caz-1").json().path("sector").asText()).isEqualTo("SYUNIK");
            assertThat(http.get("/api/contradictions/am-9%7Caz-9").status()).isEqualTo(404);
        });
    }

    @Test
    @Order(2)
    @DisplayName("gives all-time sector tallies and DAY tallies counting the current revision once")
    void tallies() {
        JsonNode syunik = QueryServerTest.find(http.get("/api/sectors").json(), "sector", "SYUNIK");
        assertThat(syunik.path("all_time").path("accusations").path("AM").asLong()).isEqualTo(1);
        assertThat(syunik.path("all_time").path("accusations").path("AZ").asLong()).isEqualTo(1);
        assertThat(syunik.path("all_time").path("contradictions").path("MUTUAL_ACCUSATION").asLong()).isEqualTo(1);
        JsonNode days = http.get("/api/sectors/SYUNIK/days?from=2023-04-01&to=2023-04-30").json();
        assertThat(days).hasSize(1);
        assertThat(days.get(0).path("period_start").asText()).isEqualTo("2023-04-11");
        assertThat(days.get(0).path("statements").path("AM").asLong()).isEqualTo(1);
        assertThat(http.get("/api/sectors/SYUNIK/days?from=2023-05-01").json()).isEmpty();
    }

    @Test
    @Order(3)
    @DisplayName("gives a statement's revisions and pairs, unresolved names, and weekly accusations per side")
    void statementUnresolvedDiscrepancies() {
        // am-3 (Atlantis) is in no pair: the setup's wait for the pairs does not cover it.
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode history = http.get("/api/statements/am-1").json();
            assertThat(history.path("revisions")).extracting(r -> r.path("revision").asInt()).containsExactly(1, 2);
            assertThat(history.path("revisions").get(1).path("text").asText()).isEqualTo("Revised: fire near Tegh.");
            assertThat(QueryServerTest.ids(history.path("pairs"))).containsExactly("am-1|az-1");
            assertThat(http.get("/api/statements/never-said").status()).isEqualTo(404);

            JsonNode unresolved = http.get("/api/unresolved-places").json();
            assertThat(unresolved).extracting(p -> p.path("name").asText() + "=" + p.path("count").asLong()).containsExactly("Atlantis=1");

            JsonNode weeks = http.get("/api/discrepancies?from=2023-04-01&to=2023-04-30").json();
            assertThat(weeks).extracting(w -> w.path("sector").asText() + " " + w.path("week").asText() + " "
                            + w.path("accusations_by_side").path("ARMENIAN").asLong() + ":" + w.path("accusations_by_side").path("AZERBAIJANI").asLong())
                    .containsExactly("GEGHARKUNIK-KALBAJAR 2023-W16 1:1", "SYUNIK 2023-W15 1:1", "UNRESOLVED 2023-W15 1:0");
        });
    }

    @Test
    @Order(4)
    @DisplayName("is ready, and exports Kafka Streams metrics and the DLQ count to Prometheus")
    void operations() {
        assertThat(http.get("/ready").json().path("status").asText()).isEqualTo("ready");
        await().atMost(WAIT).untilAsserted(() -> assertThat(http.get("/metrics").body())
                .contains("ceasefire_statements_dlq_total 1.0", "ceasefire_statements_late_total 0.0")
                .containsPattern("kafka_stream_\\w+"));
    }

    @Test
    @Order(5)
    @DisplayName("pushes a new contradiction to an SSE client as it is formed")
    void liveEvent() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.startedPort() + "/api/events"))
                .header("Accept", "text/event-stream").GET().build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (java.io.IOException closed) {
                // closed by the test
            }
        });
        await().atMost(WAIT).until(() -> lines.contains(": connected"));
        app.send(accusation("am-4", "AM", "AZ", "2023-05-01T10:00:00Z", "Shushi"),
                accusation("az-4", "AZ", "AM", "2023-05-01T11:00:00Z", "Shusha"));
        // Within one poll of the output topics the watcher sends contradictions first and tally changes after them.
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(lines).anyMatch(l -> l.startsWith("data:") && l.contains("\"key\":\"am-4|az-4\""));
            assertThat(lines).anyMatch(l -> l.equals("event: tally-changed"));
        });
        int index = lines.indexOf(lines.stream().filter(l -> l.contains("\"key\":\"am-4|az-4\"")).findFirst().orElseThrow());
        assertThat(lines.get(index - 1)).isEqualTo("event: contradiction-added");
        response.body().close();
        reader.cancel(true);
    }

    @Test
    @Order(6)
    @DisplayName("groups three accusations per side in one night (nine pairs) into one incident cluster, and pages its pairs")
    void denseNightIsOneCluster() {
        for (int i = 1; i <= 3; i++) {
            app.send(accusation("am-c" + i, "AM", "AZ", "2023-06-01T0" + i + ":00:00Z", "Berd"),
                    accusation("az-c" + i, "AZ", "AM", "2023-06-01T0" + i + ":30:00Z", "Berd"));
        }
        await().atMost(WAIT).until(() -> http.get("/api/clusters?sector=TAVUSH-GAZAKH").json().path("items").path(0).path("pair_count").asInt() == 9);
        JsonNode clusters = http.get("/api/clusters").json().path("items");
        assertThat(clusters).extracting(c -> c.path("cluster_id").asText() + "=" + c.path("pair_count").asInt())
                .startsWith("TAVUSH-GAZAKH:am-c1=9")
                .endsWith("GEGHARKUNIK-KALBAJAR:am-2=1", "SYUNIK:am-1=1")
                .hasSize(4);
        JsonNode night = clusters.get(0);
        assertThat(night.path("first_incident").asText()).isEqualTo("2023-06-01T01:00:00Z");
        assertThat(night.path("last_incident").asText()).isEqualTo("2023-06-01T03:30:00Z");
        assertThat(night.path("side_one").path("side").asText()).isEqualTo("ARMENIAN");
        assertThat(night.path("side_one").path("statement_ids")).extracting(JsonNode::asText).containsExactly("am-c1", "am-c2", "am-c3");
        assertThat(night.path("side_two").path("statement_ids")).extracting(JsonNode::asText).containsExactly("az-c1", "az-c2", "az-c3");
        assertThat(night.path("side_two").path("statements").get(0).path("issuer").asText()).isEqualTo("AZ");
        assertThat(night.path("pairs_by_kind").path("MUTUAL_ACCUSATION").asInt()).isEqualTo(9);

        java.util.Set<String> pairIds = new java.util.TreeSet<>();
        String cursor = "";
        int pages = 0;
        do {
            JsonNode page = http.get(night.path("pairs").asText() + "?limit=4" + (cursor.isEmpty() ? "" : "&cursor=" + cursor)).json();
            page.path("items").forEach(pair -> pairIds.add(pair.path("pair_id").asText()));
            cursor = page.path("next_cursor").isNull() ? "" : page.path("next_cursor").asText();
            pages++;
        } while (!cursor.isEmpty());
        assertThat(pages).isEqualTo(3);
        assertThat(pairIds).hasSize(9).contains("am-c1|az-c1", "am-c3|az-c1", "am-c1|az-c3");
        assertThat(http.get("/api/clusters/TAVUSH-GAZAKH:am-c2").status()).isEqualTo(404);

        String[] csv = http.get("/api/export/clusters.csv?sector=TAVUSH-GAZAKH").body().split("\r\n");
        assertThat(csv).hasSize(2);
        assertThat(csv[1]).startsWith("TAVUSH-GAZAKH:am-c1,TAVUSH-GAZAKH,").contains(",am-c1; am-c2; am-c3,", ",az-c1; az-c2; az-c3,");
    }

    @Test
    @Order(7)
    @DisplayName("gives each unresolved name the closest gazetteer names, with their places and sectors")
    void closestNames() {
        app.send(accusation("am-typo", "AM", "AZ", "2021-03-01T06:00:00Z", "Nerkin Khamd village"));
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode typo = QueryServerTest.find(http.get("/api/unresolved-places").json(), "name", "Nerkin Khamd village");
            assertThat(typo.path("count").asLong()).isEqualTo(1);
            assertThat(typo.path("closest")).extracting(c -> c.path("name").asText() + " " + c.path("place_id").asText() + " "
                            + c.path("sector").asText() + " " + c.path("distance").asInt())
                    .containsExactly("Nerkin Khand nerkin-hand SYUNIK 1", "Nerkin Hand nerkin-hand SYUNIK 2", "Nerqin Hand nerkin-hand SYUNIK 3");
            JsonNode inOperations = QueryServerTest.find(http.get("/api/operations").json().path("unresolved_places"), "name", "Nerkin Khamd village");
            assertThat(inOperations.path("closest").path(0).path("place_id").asText()).isEqualTo("nerkin-hand");
        });
    }
}
