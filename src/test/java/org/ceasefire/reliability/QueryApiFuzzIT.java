package org.ceasefire.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.ceasefire.app.CeasefireApp;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.conflict.ConflictDefinition;
import org.ceasefire.testdata.LiveCluster;
import org.ceasefire.topics.Topics;

/**
 * Random parameters for every query endpoint of the real application, over the real Kafka Streams
 * stores filled by real statements: an answer within 5 s, 200/400/404 and never a 5xx, JSON errors
 * naming the parameter. Known statement and pair ids are among the values, so answers with data are
 * fuzzed too, not only empty ones. (jqwik refuses JUnit annotations: {@code @Label} names each property.)
 */
class QueryApiFuzzIT {
    private static final ConflictDefinition CONFLICT = FaultCluster.CONFLICT.conflict();
    private static final int PARTITIONS = 2;
    private static LiveCluster cluster;
    private static CeasefireApp app;
    private static Path stateDir;
    private static String base;
    /** Ids that exist in the stores: statement ids from the input, pair ids from the API's own answer. */
    private static final List<String> KNOWN_IDS = new ArrayList<>();

    @BeforeContainer
    static void start() throws Exception {
        cluster = new LiveCluster();
        Topics topics = cluster.createTopics("qfuzz.", PARTITIONS);
        stateDir = Files.createDirectories(Path.of("target", "query-fuzz-" + System.nanoTime()));
        app = CeasefireApp.start(cluster.appConfig(topics, PARTITIONS, "query-fuzz", stateDir));
        List<MinistryStatement> statements = LiveCluster.generated(600, 31);
        cluster.produce(topics, statements);
        await("the stores to hold the replay's results").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(cluster.differencesFromReplay(topics, stateDir.resolve("audit-" + System.nanoTime()))).isEmpty());
        base = app.url().replaceAll("/+$", "");
        statements.stream().limit(10).forEach(s -> KNOWN_IDS.add(s.getStatementId()));
        JsonNode pairs = HttpFuzz.call("GET", base + "/api/contradictions?limit=10", null).json().path("items");
        pairs.forEach(pair -> KNOWN_IDS.add(pair.path("pair_id").asText()));
        assertThat(pairs.size()).as("contradictions in the stores to fuzz over").isPositive();
        assertThat(HttpFuzz.call("GET", base + "/api/sectors", null).json().size()).isGreaterThanOrEqualTo(CONFLICT.sectors().size());
    }

    @AfterContainer
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Provide
    Arbitrary<String> value() {
        String sector = CONFLICT.sectors().get(0).id();
        return Arbitraries.oneOf(Arbitraries.of("", "-1", "0", "1", "500", "501", "2147483648", "1e3", "abc", "null", "2023-04-11",
                        "2023-02-30", "2023-04-11T12:00:00Z", "2023-04-11T12:00:00+25:00", "-999999999-01-01", "+1000000000-01-01",
                        "MUTUAL_ACCUSATION", "mutual_accusation", "UNKNOWN", "AM", "XX", sector, sector.toLowerCase(), "eyJ4IjoxfQ",
                        "!!!", "a".repeat(5_000), "é", "\u0000", "../../etc/passwd", "<script>", "%", "a|b"),
                Arbitraries.of(KNOWN_IDS),
                Arbitraries.strings().all().ofMaxLength(15));
    }

    @Provide
    Arbitrary<String> request() {
        Arbitrary<String> v = value().map(HttpFuzz::encode);
        Arbitrary<String> name = Arbitraries.of("sector", "kind", "party", "from", "to", "statement", "limit", "cursor", "end", "period", "group", "other");
        Arbitrary<String> query = Combinators.combine(name, v).as((n, x) -> n + "=" + x).list().ofMaxSize(4)
                .map(parts -> parts.isEmpty() ? "" : "?" + String.join("&", parts));
        Arbitrary<String> path = Arbitraries.oneOf(
                Arbitraries.of("/api/contradictions", "/api/discrepancies", "/api/sectors", "/api/unresolved-places", "/api/conflict",
                        "/api/activity", "/api/casualties", "/api/export/contradictions.csv", "/api/export/contradictions.jsonl",
                        "/api/export/sectors.csv", "/api/export/casualties.csv", "/api/map"),
                v.map(x -> "/api/sectors/" + x + "/days"),
                v.map(x -> "/api/contradictions/" + x),
                v.map(x -> "/api/statements/" + x));
        return Combinators.combine(path, query).as((p, q) -> p + q);
    }

    @Property(tries = 300)
    @Label("query API over real stores: random paths and parameters: an answer within 5 s, 200, 400, 404 or 414, never 5xx; a 400 names the parameter")
    void randomParameters(@ForAll("request") String request) {
        HttpFuzz.Answer answer = HttpFuzz.call("GET", base + request, null);
        assertThat(answer.status()).as("GET %s answered %d: %s", request, answer.status(), answer.body()).isIn(200, 400, 404, 414);
        if (answer.status() == 400) {
            assertThat(answer.json().path("error").asText()).as("error in %s", answer.body()).isNotBlank();
            // The API's own checks name the parameter; Jetty's refusals of unparseable requests (say an encoded NUL in
            // the path) say the request is malformed.
            assertThat(answer.json().path("parameter").asText().isBlank()
                    && !answer.json().path("error").asText().startsWith("the request is malformed"))
                    .as("a 400 names the parameter or says the request is malformed: %s", answer.body()).isFalse();
        }
        if (answer.status() == 414) {
            // Jetty refuses a request line longer than its buffer, before the API sees it.
            assertThat(answer.json().path("error").asText()).as("error in %s", answer.body()).startsWith("the request is malformed");
        }
        if (answer.status() == 404) {
            assertThat(answer.json().path("error").asText()).as("error in %s", answer.body()).isNotBlank();
        }
    }
}
