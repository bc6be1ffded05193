package org.ceasefire.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.ceasefire.avro.ContradictionKind;
import org.ceasefire.conflict.ConflictDefinition;
import org.ceasefire.conflict.GazetteerFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Query HTTP API over an in-memory store double")
class QueryServerTest {
    private static final ConflictDefinition CONFLICT = GazetteerFile.builtIn().conflict();
    private static final AtomicBoolean READY = new AtomicBoolean(true);
    private static final LiveEventHub HUB = new LiveEventHub();
    private static InMemoryStores stores;
    private static QueryServer server;
    private static TestHttp http;

    @BeforeAll
    static void start() {
        stores = QueryFixtures.sample();
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        metrics.counter("ceasefire.statements.dlq").increment(3);
        QueryServices services = new QueryServices(CONFLICT, new MergingQueries(new SingleInstanceDirectory(stores), CONFLICT),
                Optional.of(stores), HUB, READY::get, metrics);
        server = QueryServer.start(QueryServerConfig.localhost(0), services);
        http = new TestHttp(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Nested
    @DisplayName("sectors")
    class Sectors {
        @Test
        @DisplayName("lists every sector with one common 7- and 30-day window summed from DAY tallies, ending on the latest incident day")
        void listsSectors() {
            JsonNode sectors = http.get("/api/sectors").json();
            assertThat(sectors).hasSize(CONFLICT.sectors().size());
            JsonNode syunik = find(sectors, "sector", "SYUNIK");
            assertThat(syunik.path("name").asText()).startsWith("Syunik border");
            // The latest incident day of the conflict is the latest end of the sectors' own rolling windows: 2023-04-12.
            assertThat(syunik.path("rolling_7d").path("period_start").asText()).isEqualTo("2023-04-06");
            assertThat(syunik.path("rolling_7d").path("period_end").asText()).isEqualTo("2023-04-12");
            assertThat(syunik.path("rolling_7d").path("accusations").path("AM").asLong()).isEqualTo(3);
            assertThat(syunik.path("rolling_30d").path("period_start").asText()).isEqualTo("2023-03-14");
            assertThat(syunik.path("rolling_30d").path("accusations").path("AZ").asLong()).isEqualTo(2);
            assertThat(syunik.path("all_time").path("period_kind").asText()).isEqualTo("ALL_TIME");
            assertThat(syunik.path("all_time").path("period_start").isNull()).isTrue();
            JsonNode tavush = find(sectors, "sector", "TAVUSH-GAZAKH");
            assertThat(tavush.path("rolling_7d").path("period_end").asText()).isEqualTo("2023-04-12");
            assertThat(tavush.path("rolling_7d").path("accusations").path("NK").asLong()).isEqualTo(4);
            assertThat(find(sectors, "sector", "NK-NORTH").path("rolling_7d").path("accusations").size()).isZero();
        }

        @Test
        @DisplayName("ends the common window on the day asked for")
        void windowEnd() {
            JsonNode syunik = find(http.get("/api/sectors?end=2023-04-17").json(), "sector", "SYUNIK");
            assertThat(syunik.path("rolling_7d").path("period_start").asText()).isEqualTo("2023-04-11");
            assertThat(syunik.path("rolling_7d").path("accusations").path("AZ").asLong()).isEqualTo(5);
            assertThat(syunik.path("rolling_7d").path("accusations").path("AM").asLong()).isEqualTo(2);
            TestHttp.Reply bad = http.get("/api/sectors?end=yesterday");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().path("parameter").asText()).isEqualTo("end");
        }

        @Test
        @DisplayName("gives one sector's DAY tallies in a date range, oldest first")
        void days() {
            JsonNode days = http.get("/api/sectors/SYUNIK/days?from=2023-04-10&to=2023-04-11").json();
            assertThat(days).hasSize(2);
            assertThat(days.get(0).path("period_start").asText()).isEqualTo("2023-04-10");
            assertThat(days.get(1).path("accusations").path("AZ").asLong()).isEqualTo(2);
            assertThat(http.get("/api/sectors/SYUNIK/days").json()).hasSize(3);
        }

        @Test
        @DisplayName("answers 404 for a sector not in the definition and 400 for bad dates")
        void badDays() {
            assertThat(http.get("/api/sectors/ATLANTIS/days").status()).isEqualTo(404);
            TestHttp.Reply badDate = http.get("/api/sectors/SYUNIK/days?from=11.04.2023");
            assertThat(badDate.status()).isEqualTo(400);
            assertThat(badDate.json().path("parameter").asText()).isEqualTo("from");
            assertThat(badDate.json().path("error").asText()).contains("'from'", "2023-04-11");
            TestHttp.Reply reversed = http.get("/api/sectors/SYUNIK/days?from=2023-05-01&to=2023-04-01");
            assertThat(reversed.status()).isEqualTo(400);
            assertThat(reversed.json().path("error").asText()).contains("must not be after 'to'");
        }
    }

    @Nested
    @DisplayName("contradictions")
    class Contradictions {
        @Test
        @DisplayName("lists pairs newest incident first with both sides' statements")
        void newestFirst() {
            JsonNode page = http.get("/api/contradictions").json();
            assertThat(ids(page.path("items"))).containsExactly("p-new", "p-mid", "p-old");
            assertThat(page.path("next_cursor").isNull()).isTrue();
            JsonNode newest = page.path("items").get(0);
            assertThat(newest.path("kind").asText()).isEqualTo("ACCUSATION_VS_CALM");
            assertThat(newest.path("incident_start").asText()).isEqualTo("2023-04-12T06:00:00Z");
            assertThat(newest.path("side_one").path("issuer").asText()).isEqualTo("AM");
            assertThat(newest.path("side_two").path("claim").asText()).isEqualTo("CALM");
            assertThat(newest.path("side_two").path("text").asText()).isEqualTo(QueryFixtures.XSS_TEXT);
            assertThat(newest.path("side_two").path("casualties").get(0).path("wounded").asInt()).isEqualTo(1);
        }

        @ParameterizedTest(name = "{0} keeps {1}")
        @CsvSource(delimiter = ';', value = {
                "sector=SYUNIK;p-new,p-old",
                "kind=ACCUSATION_DENIED;p-mid",
                "party=AZ;p-new,p-mid,p-old",
                "party=NK;''",
                "from=2023-04-11&to=2023-04-12;p-mid",
                "from=2023-04-11T12:00:00%2B00:00;p-new,p-mid",
                "statement=am-1;p-new,p-old",
                "sector=SYUNIK&kind=MUTUAL_ACCUSATION;p-old",
                "time_precision=EXACT;p-old",
                "time_precision=HOUR;p-new,p-old",
                "time_precision=DAY;p-new,p-mid,p-old",
                "place_precision=village;p-old",
                "place_precision=direction;p-mid,p-old",
                "time_precision=HOUR&place_precision=district;p-old"})
        @DisplayName("filters by sector, kind, party, time range, statement, and time and place precision (at least that fine)")
        void filters(String query, String expected) {
            JsonNode page = http.get("/api/contradictions?" + query).json();
            List<String> want = expected.isEmpty() ? List.of() : List.of(expected.split(","));
            assertThat(ids(page.path("items"))).containsExactlyElementsOf(want);
        }

        @Test
        @DisplayName("pages with a cursor without repeating or skipping pairs")
        void pages() {
            JsonNode first = http.get("/api/contradictions?limit=2").json();
            assertThat(ids(first.path("items"))).containsExactly("p-new", "p-mid");
            String cursor = first.path("next_cursor").asText();
            JsonNode second = http.get("/api/contradictions?limit=2&cursor=" + cursor).json();
            assertThat(ids(second.path("items"))).containsExactly("p-old");
            assertThat(second.path("next_cursor").isNull()).isTrue();
        }

        @ParameterizedTest(name = "{0} is rejected naming {1}")
        @CsvSource({
                "kind=FRIENDLY,kind",
                "party=XX,party",
                "sector=ATLANTIS,sector",
                "limit=0,limit",
                "limit=501,limit",
                "limit=ten,limit",
                "cursor=bm90LWEtY3Vyc29y,cursor",
                "from=yesterday,from",
                "from=2023-05-01&to=2023-04-01,from",
                "statement=%3Cscript%3E,statement",
                "time_precision=MINUTE,time_precision",
                "place_precision=planet,place_precision"})
        @DisplayName("answers 400 with a message naming a bad parameter")
        void badParameters(String query, String parameter) {
            TestHttp.Reply reply = http.get("/api/contradictions?" + query);
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.json().path("parameter").asText()).isEqualTo(parameter);
            assertThat(reply.json().path("error").asText()).contains("'" + parameter + "'");
        }

        @Test
        @DisplayName("gives one pair by id, and 404 for an unknown id")
        void onePair() {
            JsonNode pair = http.get("/api/contradictions/p-mid").json();
            assertThat(pair.path("sector").asText()).isEqualTo("TAVUSH-GAZAKH");
            assertThat(pair.path("side_two").path("claim").asText()).isEqualTo("DENIAL");
            TestHttp.Reply missing = http.get("/api/contradictions/p-none");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.json().path("error").asText()).contains("p-none");
        }
    }

    @Nested
    @DisplayName("incident clusters")
    class Clusters {
        @Test
        @DisplayName("groups the pairs linked by a statement into one cluster per sector, newest first, with a link to its pairs")
        void grouped() {
            JsonNode page = http.get("/api/clusters").json();
            assertThat(page.path("items")).extracting(c -> c.path("cluster_id").asText()).containsExactly("TAVUSH-GAZAKH:am-2", "SYUNIK:am-1");
            assertThat(page.path("next_cursor").isNull()).isTrue();
            JsonNode syunik = page.path("items").get(1);
            assertThat(syunik.path("sector").asText()).isEqualTo("SYUNIK");
            assertThat(syunik.path("first_incident").asText()).isEqualTo("2023-04-10T08:00:00Z");
            assertThat(syunik.path("last_incident").asText()).isEqualTo("2023-04-12T06:00:00Z");
            assertThat(syunik.path("side_one").path("statement_ids")).extracting(JsonNode::asText).containsExactly("am-1");
            assertThat(syunik.path("side_two").path("statement_ids")).extracting(JsonNode::asText).containsExactly("az-1", "az-3");
            assertThat(syunik.path("side_two").path("statements").get(1).path("claim").asText()).isEqualTo("CALM");
            assertThat(syunik.path("pair_count").asInt()).isEqualTo(2);
            assertThat(syunik.path("pairs_by_kind").path("ACCUSATION_VS_CALM").asInt()).isEqualTo(1);
            assertThat(syunik.path("pairs_by_kind").path("MUTUAL_ACCUSATION").asInt()).isEqualTo(1);
            String pairs = syunik.path("pairs").asText();
            assertThat(pairs).isEqualTo("/api/clusters/SYUNIK:am-1/pairs");
            assertThat(ids(http.get(pairs).json().path("items"))).containsExactly("p-new", "p-old");
            assertThat(http.get("/api/clusters/SYUNIK:am-1").json().path("pair_count").asInt()).isEqualTo(2);
        }

        @Test
        @DisplayName("takes the contradictions' filters (a cluster is listed whole when one of its pairs matches) and pages by cursor")
        void filtersAndPages() {
            JsonNode denied = http.get("/api/clusters?kind=ACCUSATION_VS_CALM").json().path("items");
            assertThat(denied).extracting(c -> c.path("cluster_id").asText() + " " + c.path("matching_pairs").asInt() + "/" + c.path("pair_count").asInt())
                    .containsExactly("SYUNIK:am-1 1/2");
            JsonNode first = http.get("/api/clusters?limit=1").json();
            assertThat(first.path("items")).extracting(c -> c.path("cluster_id").asText()).containsExactly("TAVUSH-GAZAKH:am-2");
            JsonNode second = http.get("/api/clusters?limit=1&cursor=" + first.path("next_cursor").asText()).json();
            assertThat(second.path("items")).extracting(c -> c.path("cluster_id").asText()).containsExactly("SYUNIK:am-1");
            assertThat(second.path("next_cursor").isNull()).isTrue();
            assertThat(ids(http.get("/api/clusters/SYUNIK:am-1/pairs?kind=MUTUAL_ACCUSATION").json().path("items"))).containsExactly("p-old");
        }

        @Test
        @DisplayName("answers 404 for an unknown cluster and 400 naming a bad parameter")
        void errors() {
            TestHttp.Reply missing = http.get("/api/clusters/SYUNIK:am-9");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.json().path("error").asText()).contains("SYUNIK:am-9");
            assertThat(http.get("/api/clusters/SYUNIK:am-9/pairs").status()).isEqualTo(404);
            assertThat(http.get("/api/clusters/%3Cb%3E").json().path("parameter").asText()).isEqualTo("clusterId");
            TestHttp.Reply bad = http.get("/api/clusters?kind=FRIENDLY");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().path("parameter").asText()).isEqualTo("kind");
        }

        @Test
        @DisplayName("exports every matching cluster as CSV with the API's fields and as JSON Lines")
        void exports() throws Exception {
            String[] csv = http.get("/api/export/clusters.csv?sector=SYUNIK").response().body().split("\r\n");
            assertThat(csv).hasSize(2);
            assertThat(csv[0]).startsWith("cluster_id,sector,sector_name,first_incident,last_incident,side_one.side,side_one.statement_ids,side_one.statements,")
                    .endsWith("pair_count,pairs_by_kind.ACCUSATION_VS_CALM,pairs_by_kind.MUTUAL_ACCUSATION,corroborated_pairs,matching_pairs,pairs");
            assertThat(csv[1]).startsWith("SYUNIK:am-1,SYUNIK,").contains(",am-1,", ",az-1; az-3,").endsWith(",2,1,1,0,2,/api/clusters/SYUNIK:am-1/pairs");
            String[] lines = http.get("/api/export/clusters.jsonl").response().body().split("\n");
            assertThat(lines).hasSize(2);
            assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines[1]).path("cluster_id").asText()).isEqualTo("SYUNIK:am-1");
        }
    }

    @Nested
    @DisplayName("activity, casualties, exports")
    class Series {
        @Test
        @DisplayName("gives accusations per side per week and per month, of all sectors or one, both sides always present")
        void activity() {
            JsonNode weeks = http.get("/api/activity?from=2023-04-01&to=2023-04-30").json();
            assertThat(weeks).extracting(w -> w.path("period_start").asText() + ".." + w.path("period_end").asText() + " "
                            + w.path("accusations_by_side").path("ARMENIAN").asLong() + ":" + w.path("accusations_by_side").path("AZERBAIJANI").asLong())
                    .containsExactly("2023-04-10..2023-04-16 7:2", "2023-04-17..2023-04-23 0:3");
            JsonNode months = http.get("/api/activity?period=month&sector=SYUNIK").json();
            assertThat(months).hasSize(1);
            assertThat(months.get(0).path("period_start").asText()).isEqualTo("2023-04-01");
            assertThat(months.get(0).path("period_end").asText()).isEqualTo("2023-04-30");
            assertThat(months.get(0).path("accusations_by_side").path("ARMENIAN").asLong()).isEqualTo(3);
            assertThat(months.get(0).path("accusations_by_side").path("AZERBAIJANI").asLong()).isEqualTo(5);
            TestHttp.Reply bad = http.get("/api/activity?period=fortnight");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().path("error").asText()).contains("week, month, all");
        }

        @Test
        @DisplayName("puts each side's casualty claims next to the other side's, with the difference, per sector")
        void casualties() {
            JsonNode rows = http.get("/api/casualties?from=2023-04-01&to=2023-04-30").json();
            JsonNode syunik = find(rows, "sector", "SYUNIK");
            assertThat(syunik.path("period_start").asText()).isEqualTo("2023-04-01");
            assertThat(syunik.path("period_end").asText()).isEqualTo("2023-04-30");
            JsonNode armenian = syunik.path("losses").get(0);
            assertThat(armenian.path("side").asText()).isEqualTo("ARMENIAN");
            // Armenia says it lost 1 killed; Azerbaijan says 5; the monitor's figure belongs to neither side.
            assertThat(armenian.path("killed").path("by_itself").asLong()).isEqualTo(1);
            assertThat(armenian.path("killed").path("by_other_side").asLong()).isEqualTo(5);
            assertThat(armenian.path("killed").path("difference").asLong()).isEqualTo(4);
            assertThat(armenian.path("wounded").path("by_itself").asLong()).isEqualTo(2);
            JsonNode azerbaijani = syunik.path("losses").get(1);
            assertThat(azerbaijani.path("killed").path("by_itself").asLong()).isZero();
            assertThat(azerbaijani.path("killed").path("by_other_side").asLong()).isEqualTo(7);
            JsonNode weekly = http.get("/api/casualties?group=none&period=week").json();
            assertThat(weekly).extracting(w -> w.path("period_start").asText()).containsExactly("2023-04-10", "2023-04-17");
            assertThat(weekly.get(0).path("sector").isNull()).isTrue();
            assertThat(weekly.get(0).path("losses").get(0).path("killed").path("by_other_side").asLong()).isEqualTo(5);
            assertThat(http.get("/api/casualties?group=party").json().path("parameter").asText()).isEqualTo("group");
        }

        @Test
        @DisplayName("exports every matching pair as CSV and as JSON Lines, with the API's fields, and the sectors as CSV")
        void exports() throws Exception {
            TestHttp.Reply csv = http.get("/api/export/contradictions.csv?sector=SYUNIK");
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.response().headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
            assertThat(csv.response().headers().firstValue("Content-Disposition").orElse("")).contains("contradictions.csv");
            String[] lines = csv.response().body().split("\r\n");
            assertThat(lines).hasSize(3);
            List<String> header = List.of(lines[0].split(","));
            assertThat(header).contains("pair_id", "kind", "sector", "incident_start", "side_one.statement_id", "side_two.issuer");
            assertThat(lines[1]).startsWith("p-new,ACCUSATION_VS_CALM,SYUNIK,");
            String[] jsonLines = http.get("/api/export/contradictions.jsonl").response().body().split("\n");
            assertThat(jsonLines).hasSize(3);
            JsonNode first = new com.fasterxml.jackson.databind.ObjectMapper().readTree(jsonLines[0]);
            assertThat(first).isEqualTo(http.get("/api/contradictions?limit=1").json().path("items").get(0));
            String sectors = http.get("/api/export/sectors.csv?end=2023-04-17").response().body();
            assertThat(sectors.split("\r\n")[0]).startsWith("sector,name,rolling_7d.sector,rolling_7d.period_kind");
            assertThat(sectors).contains("\r\nSYUNIK,\"Syunik border (Goris, Tegh, Kapan, Sisian; Laçın, Qubadlı, Zəngilan)\",SYUNIK,ROLLING_7D,2023-04-11,2023-04-17,")
                    .doesNotContain(",all_time,");
            assertThat(CsvExport.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        }
    }

    @Nested
    @DisplayName("map")
    class MapOfPlaces {
        @Test
        @DisplayName("lists every place with its sector, coordinates where known, accusations by side and contradictions; no tiles by default")
        void places() {
            JsonNode map = http.get("/api/map").json();
            assertThat(map.path("tiles").path("url").isNull()).isTrue();
            JsonNode tegh = find(map.path("places"), "place_id", "tegh");
            assertThat(tegh.path("name").asText()).isEqualTo("Tegh");
            assertThat(tegh.path("sector").asText()).isEqualTo("SYUNIK");
            assertThat(tegh.path("sector_name").asText()).startsWith("Syunik border");
            assertThat(tegh.path("latitude").asDouble()).isEqualTo(39.563);
            assertThat(tegh.path("precision").asText()).isEqualTo("village");
            assertThat(tegh.path("accusations_by_side").path("ARMENIAN").asLong()).isEqualTo(3);
            assertThat(tegh.path("accusations_by_side").path("AZERBAIJANI").asLong()).isEqualTo(2);
            assertThat(tegh.path("contradictions").asLong()).isEqualTo(2);
            JsonNode goris = find(map.path("places"), "place_id", "goris");
            assertThat(goris.path("latitude").isNull()).isTrue();
            assertThat(goris.path("accusations_by_side").path("ARMENIAN").asLong()).isZero();
            assertThat(http.get("/").response().headers().firstValue("Content-Security-Policy").orElse(""))
                    .contains("img-src 'self' data:;");
        }

        @Test
        @DisplayName("with a tile source, names it to the dashboard and allows images from its origin only")
        void tiles() {
            MapTiles tiles = MapTiles.parse("https://tile.openstreetmap.org/{z}/{x}/{y}.png");
            QueryServices services = new QueryServices(CONFLICT, new MergingQueries(new SingleInstanceDirectory(stores), CONFLICT),
                    Optional.of(stores), HUB, READY::get, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
            try (QueryServer withTiles = QueryServer.start(QueryServerConfig.localhost(0).withMapTiles(tiles), services)) {
                TestHttp tileHttp = new TestHttp(withTiles.port());
                JsonNode map = tileHttp.get("/api/map").json();
                assertThat(map.path("tiles").path("url").asText()).isEqualTo("https://tile.openstreetmap.org/{z}/{x}/{y}.png");
                assertThat(map.path("tiles").path("attribution").asText()).contains("OpenStreetMap contributors");
                assertThat(tileHttp.get("/index.html").response().headers().firstValue("Content-Security-Policy").orElse(""))
                        .contains("img-src 'self' data: https://tile.openstreetmap.org;", "script-src 'self';", "connect-src 'self';");
            }
            assertThat(MapTiles.parse("none").urlTemplate()).isEmpty();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> MapTiles.parse("https://{s}.tile.example.org/{z}/{x}/{y}.png"))
                    .hasMessageContaining("without {s}");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> MapTiles.parse("ftp://tiles.example.org/{z}/{x}/{y}.png"))
                    .hasMessageContaining("http(s)");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> MapTiles.parse("https://tiles.example.org/map.png"))
                    .hasMessageContaining("{z}, {x} and {y}");
        }
    }

    @Nested
    @DisplayName("operators")
    class Operators {
        @Test
        @DisplayName("gives rejected and late statements per day, newest first, the last output time, the lag and the unresolved names")
        void operations() {
            OperationsLog log = new OperationsLog(() -> java.util.OptionalLong.of(17));
            log.deadLetter(java.time.Instant.parse("2023-04-11T10:00:00Z").toEpochMilli());
            log.deadLetter(java.time.Instant.parse("2023-04-11T23:59:59Z").toEpochMilli());
            log.deadLetter(java.time.Instant.parse("2023-04-12T00:00:00Z").toEpochMilli());
            log.late(java.time.Instant.parse("2023-04-12T08:00:00Z").toEpochMilli());
            log.output(java.time.Instant.parse("2023-04-12T09:00:00Z").toEpochMilli());
            log.output(java.time.Instant.parse("2023-04-12T08:00:00Z").toEpochMilli());
            QueryServices services = new QueryServices(CONFLICT, new MergingQueries(new SingleInstanceDirectory(stores), CONFLICT),
                    Optional.of(stores), HUB, READY::get, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), log);
            try (QueryServer withLog = QueryServer.start(QueryServerConfig.localhost(0), services)) {
                JsonNode ops = new TestHttp(withLog.port()).get("/api/operations").json();
                assertThat(ops.path("dead_letters_per_day")).extracting(d -> d.path("day").asText() + "=" + d.path("count").asLong())
                        .containsExactly("2023-04-12=1", "2023-04-11=2");
                assertThat(ops.path("late_per_day")).extracting(d -> d.path("day").asText() + "=" + d.path("count").asLong())
                        .containsExactly("2023-04-12=1");
                assertThat(ops.path("last_output_at").asText()).isEqualTo("2023-04-12T09:00:00Z");
                assertThat(ops.path("consumer_lag").asLong()).isEqualTo(17);
                assertThat(ops.path("unresolved_places").get(0).path("name").asText()).isEqualTo("Atlantis");
            }
            JsonNode unknown = http.get("/api/operations").json();
            assertThat(unknown.path("consumer_lag").isNull()).isTrue();
            assertThat(unknown.path("last_output_at").isNull()).isTrue();
            assertThat(unknown.path("dead_letters_per_day")).isEmpty();
        }
    }

    @Nested
    @DisplayName("statements, unresolved places, discrepancies, conflict")
    class Others {
        @Test
        @DisplayName("gives a statement's revisions oldest first and the pairs it is in")
        void statement() {
            JsonNode history = http.get("/api/statements/am-1").json();
            assertThat(history.path("statement_id").asText()).isEqualTo("am-1");
            assertThat(history.path("revisions")).extracting(r -> r.path("revision").asInt()).containsExactly(1, 2);
            assertThat(history.path("revisions").get(1).path("text").asText()).isEqualTo("Revised: fire near Tegh.");
            assertThat(ids(history.path("pairs"))).containsExactly("p-new", "p-old");
        }

        @Test
        @DisplayName("answers 404 for an unknown statement and 400 for a malformed id")
        void statementErrors() {
            assertThat(http.get("/api/statements/nobody-said-this").status()).isEqualTo(404);
            TestHttp.Reply bad = http.get("/api/statements/%3Cimg%3E");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().path("parameter").asText()).isEqualTo("statementId");
        }

        @Test
        @DisplayName("lists unresolved place names, most frequent first")
        void unresolved() {
            JsonNode places = http.get("/api/unresolved-places").json();
            assertThat(places).extracting(p -> p.path("name").asText() + "=" + p.path("count").asLong())
                    .containsExactly("Atlantis=5", "Nowhere-village=2", "Gorisk village=1");
            // Read as the pipeline reads it ("village" is a generic word), "Gorisk" is one letter from Goris, in Syunik.
            JsonNode closest = places.get(2).path("closest");
            assertThat(closest.get(0).path("name").asText()).isEqualTo("Goris");
            assertThat(closest.get(0).path("place_id").asText()).isEqualTo("goris");
            assertThat(closest.get(0).path("sector").asText()).isEqualTo("SYUNIK");
            assertThat(closest.get(0).path("sector_name").asText()).isEqualTo(SectorNames.of(CONFLICT, "SYUNIK"));
            assertThat(closest.get(0).path("distance").asInt()).isEqualTo(1);
            assertThat(closest).hasSizeLessThanOrEqualTo(NameSuggestions.PER_NAME);
            assertThat(places.get(0).path("closest")).isNotEmpty();
        }

        @Test
        @DisplayName("sums accusations per side per sector per ISO week, monitors left out")
        void discrepancies() {
            JsonNode weeks = http.get("/api/discrepancies?from=2023-04-01&to=2023-04-30").json();
            assertThat(weeks).extracting(w -> w.path("sector").asText() + " " + w.path("week").asText() + " "
                            + w.path("accusations_by_side").path("ARMENIAN").asLong() + ":" + w.path("accusations_by_side").path("AZERBAIJANI").asLong())
                    .containsExactly("SYUNIK 2023-W15 3:2", "SYUNIK 2023-W16 0:3", "TAVUSH-GAZAKH 2023-W15 4:0");
            assertThat(weeks.get(0).path("week_start").asText()).isEqualTo("2023-04-10");
            assertThat(http.get("/api/discrepancies?sector=TAVUSH-GAZAKH").json()).hasSize(1);
            assertThat(http.get("/api/discrepancies?to=2023-02-30").json().path("parameter").asText()).isEqualTo("to");
        }

        @Test
        @DisplayName("describes the conflict: its time zone, two sides with their parties, monitors and sectors")
        void conflict() {
            JsonNode conflict = http.get("/api/conflict").json();
            assertThat(conflict.path("id").asText()).isEqualTo("AM-AZ");
            assertThat(conflict.path("time_zone").asText()).isEqualTo("Asia/Baku");
            assertThat(conflict.path("sides")).extracting(s -> s.path("id").asText()).containsExactly("ARMENIAN", "AZERBAIJANI");
            assertThat(conflict.path("sides").get(0).path("parties")).extracting(p -> p.path("code").asText()).containsExactly("AM", "NK");
            assertThat(conflict.path("monitors")).extracting(p -> p.path("code").asText()).contains("EUMA");
        }
    }

    @Nested
    @DisplayName("operations and security")
    class Operations {
        @Test
        @DisplayName("/health is up and /ready follows the readiness check")
        void healthAndReady() {
            assertThat(http.get("/health").json().path("status").asText()).isEqualTo("up");
            assertThat(http.get("/ready").status()).isEqualTo(200);
            READY.set(false);
            try {
                TestHttp.Reply notReady = http.get("/ready");
                assertThat(notReady.status()).isEqualTo(503);
                assertThat(notReady.json().path("status").asText()).isEqualTo("not ready");
            } finally {
                READY.set(true);
            }
        }

        @Test
        @DisplayName("/metrics serves Prometheus text with the app's counters")
        void metrics() {
            TestHttp.Reply metrics = http.get("/metrics");
            assertThat(metrics.header("Content-Type")).startsWith("text/plain");
            assertThat(metrics.body()).contains("ceasefire_statements_dlq_total 3.0");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"/", "/app.js", "/api/sectors", "/api/contradictions?kind=BAD", "/api/nothing-here", "/health", "/openapi.json"})
        @DisplayName("sends a strict CSP, nosniff and a referrer policy on every response")
        void securityHeaders(String path) {
            TestHttp.Reply reply = http.get(path);
            String csp = reply.header("Content-Security-Policy");
            assertThat(csp).contains("default-src 'self'", "script-src 'self'", "object-src 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(reply.header("Referrer-Policy")).isEqualTo("no-referrer");
        }

        @Test
        @DisplayName("serves the dashboard, its script and Chart.js from the WebJar")
        void dashboard() {
            TestHttp.Reply page = http.get("/");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("<title>ceasefire-monitor</title>", "/webjars/chart.js/4.4.7/dist/chart.umd.js")
                    .doesNotContain("<script>");
            assertThat(http.get("/webjars/chart.js/4.4.7/dist/chart.umd.js").status()).isEqualTo(200);
            assertThat(http.get("/app.js").body()).doesNotContain("innerHTML", "eval(");
        }

        @Test
        @DisplayName("answers unknown paths with a JSON 404")
        void unknownPath() {
            TestHttp.Reply reply = http.get("/api/nothing-here");
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.json().path("error").asText()).contains("/api/nothing-here");
        }

        @Test
        @DisplayName("binds to the loopback address unless configured otherwise")
        void loopbackByDefault() {
            assertThat(QueryServerConfig.defaults().host()).isEqualTo("127.0.0.1");
        }
    }

    @Test
    @DisplayName("streams live events to SSE clients as named events with JSON data")
    void serverSentEvents() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/events"))
                .header("Accept", "text/event-stream").GET().build();
        HttpResponse<java.io.InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (java.io.IOException closed) {
                // The test closes the stream when it has seen enough.
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> HUB.subscriberCount() > 0);
        HUB.publish(LiveEvent.contradictionAdded(stores.contradictions.get(0)));
        HUB.publish(LiveEvent.contradictionWithdrawn("p-gone"));
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream().filter(l -> l.startsWith("data:")).count() >= 2);
        List<String> events = new ArrayList<>(lines.stream().filter(l -> l.startsWith("event:")).toList());
        assertThat(events).containsExactly("event: contradiction-added", "event: contradiction-withdrawn");
        String firstData = lines.stream().filter(l -> l.startsWith("data:")).findFirst().orElseThrow().substring(5).trim();
        JsonNode added = new com.fasterxml.jackson.databind.ObjectMapper().readTree(firstData);
        assertThat(added.path("key").asText()).isEqualTo("p-old");
        assertThat(added.path("record").path("kind").asText()).isEqualTo(ContradictionKind.MUTUAL_ACCUSATION.name());
        response.body().close();
        reader.cancel(true);
    }

    @Test
    @DisplayName("another instance reads this one's stores through /internal, records intact")
    void internalRoundTrip() {
        RemoteInstance remote = new RemoteInstance("127.0.0.1:" + server.port(), HttpClient.newHttpClient(), JsonMapping.create());
        assertThat(remote.currentTallies()).containsExactlyInAnyOrderElementsOf(stores.currentTallies());
        assertThat(remote.dayTallies(Optional.of("SYUNIK"), java.time.LocalDate.parse("2023-04-11"), java.time.LocalDate.parse("2023-04-30")))
                .containsExactlyElementsOf(stores.dayTallies(Optional.of("SYUNIK"), java.time.LocalDate.parse("2023-04-11"),
                        java.time.LocalDate.parse("2023-04-30")));
        assertThat(remote.contradiction("p-mid")).contains(stores.contradictions.get(1));
        assertThat(remote.contradiction("p-none")).isEmpty();
        assertThat(remote.statementRevisions("am-1")).containsExactlyElementsOf(stores.statements);
        assertThat(remote.unresolvedPlaces()).containsExactlyInAnyOrderElementsOf(stores.unresolved);
        ContradictionFilter syunik = new ContradictionFilter(Optional.of("SYUNIK"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(remote.contradictions(syunik, PageRequest.first(1)).items()).extracting(c -> c.getPairId()).containsExactly("p-new");
        assertThat(remote.pairs(Optional.of("SYUNIK"))).containsExactlyInAnyOrder(stores.contradictions.get(0), stores.contradictions.get(2));
        assertThat(remote.pairs(Optional.empty())).containsExactlyInAnyOrderElementsOf(stores.contradictions);
    }

    static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (value.equals(node.path(field).asText())) {
                return node;
            }
        }
        throw new AssertionError("No element with " + field + "=" + value + " in " + array);
    }

    static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.path("pair_id").asText()));
        return ids;
    }
}
