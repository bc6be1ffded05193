package org.ceasefire.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.ceasefire.conflict.ConflictDefinition;
import org.ceasefire.conflict.GazetteerFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("OpenAPI description")
class OpenApiRoutesTest {
    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    @Test
    @DisplayName("documents every registered route, and documents no route that does not exist")
    void routesMatchDescription() {
        ConflictDefinition conflict = GazetteerFile.builtIn().conflict();
        InMemoryStores stores = new InMemoryStores();
        QueryServices services = new QueryServices(conflict, new MergingQueries(new SingleInstanceDirectory(stores), conflict),
                Optional.of(stores), new LiveEventHub(), () -> true, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        try (QueryServer server = QueryServer.start(QueryServerConfig.localhost(0), services)) {
            Set<String> registered = new TreeSet<>();
            server.routes().stream()
                    .filter(route -> HTTP_METHODS.contains(route.method()))
                    .forEach(route -> registered.add(route.method() + " " + route.path()));

            JsonNode openApi = new TestHttp(server.port()).get("/openapi.json").json();
            Set<String> documented = new TreeSet<>();
            Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields();
            paths.forEachRemaining(path -> path.getValue().fieldNames()
                    .forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path.getKey())));

            assertThat(openApi.path("openapi").asText()).startsWith("3.");
            assertThat(registered).hasSizeGreaterThan(15);
            assertThat(documented).containsExactlyElementsOf(registered);
        }
    }
}
