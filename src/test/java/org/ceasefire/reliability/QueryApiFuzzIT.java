package org.ceasefire.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.SectorTally;
import org.ceasefire.conflict.ConflictDefinition;
import org.ceasefire.query.ActivityPeriod;
import org.ceasefire.query.CasualtyComparison;
import org.ceasefire.query.CeasefireQueries;
import org.ceasefire.query.ContradictionFilter;
import org.ceasefire.query.ContradictionPage;
import org.ceasefire.query.DateRange;
import org.ceasefire.query.DiscrepancyWeek;
import org.ceasefire.query.LiveEventHub;
import org.ceasefire.query.PageRequest;
import org.ceasefire.query.PeriodUnit;
import org.ceasefire.query.PlaceOverview;
import org.ceasefire.query.QueryServer;
import org.ceasefire.query.QueryServerConfig;
import org.ceasefire.query.QueryServices;
import org.ceasefire.query.SectorOverview;
import org.ceasefire.query.StatementHistory;
import org.ceasefire.query.UnresolvedPlace;

/**
 * Random parameters for every query endpoint: an answer within 5 s, 200/400/404 and never a 5xx,
 * JSON errors naming the parameter, and the queries behind the API only ever see checked values.
 * (jqwik refuses JUnit annotations: {@code @Label} names each property.)
 */
class QueryApiFuzzIT {
    private static final ConflictDefinition CONFLICT = FaultCluster.CONFLICT.conflict();
    private static final ConcurrentLinkedQueue<String> BAD_CALLS = new ConcurrentLinkedQueue<>();
    private static QueryServer server;
    private static String base;

    /** Answers with nothing, and notes any call whose parameters the API should have refused. */
    static final class CheckingQueries implements CeasefireQueries {
        @Override
        public List<SectorOverview> sectors(Optional<LocalDate> windowEnd) {
            return List.of();
        }

        @Override
        public List<SectorTally> dailyTallies(String sector, LocalDate from, LocalDate to) {
            if (sector == null || CONFLICT.sectors().stream().noneMatch(s -> s.id().equals(sector))) {
                BAD_CALLS.add("dailyTallies for sector " + sector);
            }
            return List.of();
        }

        @Override
        public ContradictionPage contradictions(ContradictionFilter filter, PageRequest page) {
            if (page.limit() < 1 || page.limit() > PageRequest.MAX_LIMIT) {
                BAD_CALLS.add("contradictions with limit " + page.limit());
            }
            return new ContradictionPage(List.of(), Optional.empty());
        }

        @Override
        public Optional<ClaimContradiction> contradiction(String pairId) {
            return Optional.empty();
        }

        @Override
        public Optional<StatementHistory> statement(String statementId) {
            return Optional.empty();
        }

        @Override
        public List<UnresolvedPlace> unresolvedPlaces() {
            return List.of();
        }

        @Override
        public List<DiscrepancyWeek> discrepancies(Optional<String> sector, LocalDate from, LocalDate to) {
            return List.of();
        }

        @Override
        public List<ActivityPeriod> activity(Optional<String> sector, DateRange range, PeriodUnit unit) {
            return List.of();
        }

        @Override
        public List<CasualtyComparison> casualties(Optional<String> sector, DateRange range, PeriodUnit unit, boolean bySector) {
            return List.of();
        }

        @Override
        public List<PlaceOverview> places() {
            return List.of();
        }
    }

    @BeforeContainer
    static void start() {
        QueryServices services = new QueryServices(CONFLICT, new CheckingQueries(), Optional.empty(), new LiveEventHub(),
                () -> true, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        server = QueryServer.start(QueryServerConfig.localhost(0), services);
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterContainer
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Provide
    Arbitrary<String> value() {
        String sector = CONFLICT.sectors().get(0).id();
        return Arbitraries.oneOf(Arbitraries.of("", "-1", "0", "1", "500", "501", "2147483648", "1e3", "abc", "null", "2023-04-11",
                        "2023-02-30", "2023-04-11T12:00:00Z", "2023-04-11T12:00:00+25:00", "-999999999-01-01", "+1000000000-01-01",
                        "MUTUAL_ACCUSATION", "mutual_accusation", "UNKNOWN", "AM", "XX", sector, sector.toLowerCase(), "eyJ4IjoxfQ",
                        "!!!", "a".repeat(5_000), "é", "\u0000", "../../etc/passwd", "<script>", "%", "a|b"),
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
    @Label("query API: random paths and parameters: an answer within 5 s, 200, 400 or 404, never 5xx; a 400 names the parameter")
    void randomParameters(@ForAll("request") String request) {
        HttpFuzz.Answer answer = HttpFuzz.call("GET", base + request, null);
        assertThat(answer.status()).as("GET %s answered %d: %s", request, answer.status(), answer.body()).isIn(200, 400, 404);
        if (answer.status() == 400) {
            assertThat(answer.json().path("error").asText()).as("error in %s", answer.body()).isNotBlank();
            // The API's own checks name the parameter; Jetty's refusals of unparseable requests (say an encoded NUL in
            // the path) say the request is malformed.
            assertThat(answer.json().path("parameter").asText().isBlank()
                    && !answer.json().path("error").asText().startsWith("the request is malformed"))
                    .as("a 400 names the parameter or says the request is malformed: %s", answer.body()).isFalse();
        }
        if (answer.status() == 404) {
            assertThat(answer.json().path("error").asText()).as("error in %s", answer.body()).isNotBlank();
        }
        assertThat(BAD_CALLS).as("queries called with values the API should have refused").isEmpty();
    }
}
