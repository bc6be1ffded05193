package org.ceasefire.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** Operations endpoints: liveness, readiness, Prometheus metrics and the OpenAPI description. */
final class OpsRoutes {
    static final String OPENAPI_RESOURCE = "openapi.json";

    private final ReadinessCheck readiness;
    private final PrometheusMeterRegistry metrics;
    private final byte[] openApi;

    OpsRoutes(ReadinessCheck readiness, PrometheusMeterRegistry metrics) {
        this.readiness = readiness;
        this.metrics = metrics;
        this.openApi = readOpenApi();
    }

    void register(Javalin app) {
        // Liveness only says the process serves HTTP: restarting it would not make Streams ready sooner.
        app.get("/health", ctx -> ctx.json(Map.of("status", "up")));
        app.get("/ready", ctx -> {
            boolean ready = readiness.isReady();
            ctx.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(Map.of("status", ready ? "ready" : "not ready"));
        });
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
        app.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
    }

    private static byte[] readOpenApi() {
        try (InputStream in = OpsRoutes.class.getClassLoader().getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(OPENAPI_RESOURCE + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
