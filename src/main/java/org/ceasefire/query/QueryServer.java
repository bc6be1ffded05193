package org.ceasefire.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.event.HandlerMetaInfo;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import jakarta.servlet.DispatcherType;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: JSON API, SSE, dashboard, operations endpoints and, when this instance has
 * stores, the internal endpoints other instances read them through.
 * {@code QueryServer.start(config, services)}; {@link #close()} stops it.
 */
public final class QueryServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QueryServer.class);
    /** What a 503 asks clients to wait: stores usually become queryable within seconds. */
    static final int RETRY_AFTER_SECONDS = 2;

    /** A route as registered with Javalin: what the OpenAPI description must list. */
    public record Route(String method, String path) {
    }

    private final Javalin app;
    private final EventStream events;
    private final List<Route> routes;

    private QueryServer(Javalin app, EventStream events, List<Route> routes) {
        this.app = app;
        this.events = events;
        this.routes = routes;
    }

    public static QueryServer start(QueryServerConfig config, QueryServices services) {
        ObjectMapper json = JsonMapping.create();
        List<Route> routes = Collections.synchronizedList(new ArrayList<>());
        List<HandlerMetaInfo> getHandlers = Collections.synchronizedList(new ArrayList<>());
        Map<String, String> headers = SecurityHeaders.forMapTiles(config.mapTiles());
        Javalin app = Javalin.create(javalin -> {
            javalin.showJavalinBanner = false;
            javalin.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            javalin.jetty.modifyServletContextHandler(handler -> handler.addFilter(EventStreamNegotiation.class, EventStream.PATH,
                    EnumSet.of(DispatcherType.REQUEST)));
            javalin.jsonMapper(new JavalinJackson(json, false));
            javalin.events(event -> event.handlerAdded(info -> {
                // HEAD routes are derived from GET routes below; the route list names what was declared.
                if (info.getHttpMethod() != HandlerType.HEAD) {
                    routes.add(new Route(info.getHttpMethod().name(), info.getPath()));
                }
                if (info.getHttpMethod() == HandlerType.GET) {
                    getHandlers.add(info);
                }
            }));
            javalin.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/dashboard";
                files.location = Location.CLASSPATH;
                files.headers = headers;
            });
            javalin.staticFiles.enableWebjars();
        });
        app.before(ctx -> headers.forEach(ctx::header));
        new ApiRoutes(services.queries(), services.conflict(), json, config.mapTiles(), services.operations()).register(app);
        services.local().ifPresent(local -> new InternalRoutes(local, services.conflict()).register(app));
        new OpsRoutes(services.readiness(), services.metrics()).register(app);
        EventStream events = new EventStream(services.events(), json);
        events.register(app);
        answerHeadLikeGet(app, getHandlers);
        registerErrors(app, new AllowedMethods(List.copyOf(routes)));
        try {
            app.start(config.host(), config.port());
        } catch (RuntimeException e) {
            events.close();
            throw e;
        }
        LOG.info("Query API and dashboard on http://{}:{}/", config.host(), app.port());
        return new QueryServer(app, events, List.copyOf(routes));
    }

    /**
     * Javalin answers HEAD on a GET route with an empty text/plain; HEAD must give GET's headers. The
     * GET handler runs and Jetty sends no body. The event stream is left out: HEAD cannot stream.
     */
    private static void answerHeadLikeGet(Javalin app, List<HandlerMetaInfo> getHandlers) {
        for (HandlerMetaInfo get : List.copyOf(getHandlers)) {
            if (!get.getPath().equals(EventStream.PATH)) {
                app.head(get.getPath(), get.getHandler());
            }
        }
    }

    private static void registerErrors(Javalin app, AllowedMethods allowedMethods) {
        app.exception(BadParameterException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST,
                Map.of("error", e.getMessage(), "parameter", e.parameter())));
        app.exception(NotFoundException.class, (e, ctx) -> error(ctx, HttpStatus.NOT_FOUND, Map.of("error", e.getMessage())));
        app.exception(InstanceUnavailableException.class, (e, ctx) -> unavailable(ctx, e.getMessage()));
        // Any other read of Kafka Streams' metadata or stores in a state that does not allow it: the same, not a bug.
        app.exception(InvalidStateStoreException.class, (e, ctx) -> unavailable(ctx, "Kafka Streams is not ready: " + e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("Query failed: {} {}", ctx.method(), ctx.path(), e);
            error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, Map.of("error", "internal error"));
        });
        app.error(HttpStatus.NOT_FOUND, ctx -> {
            // Javalin answers unknown paths in plain text; clients of a JSON API expect JSON.
            String contentType = ctx.res().getContentType();
            if (contentType != null && contentType.startsWith("application/json")) {
                return;
            }
            Set<String> allowed = allowedMethods.forPath(ctx.path());
            if (!allowed.isEmpty() && !allowed.contains(ctx.method().name())) {
                // The resource exists; only the method is wrong.
                String methods = String.join(", ", allowed);
                ctx.header("Allow", methods);
                error(ctx, HttpStatus.METHOD_NOT_ALLOWED, Map.of("error", ctx.method().name() + " is not allowed on " + ctx.path()
                        + "; allowed: " + methods));
            } else {
                error(ctx, HttpStatus.NOT_FOUND, Map.of("error", "no such resource: " + ctx.path()));
            }
        });
    }

    /**
     * Start-up and rebalances are normal: the answer says when to ask again and why, and is logged
     * at DEBUG only, since a dashboard polling during start-up would otherwise fill the log.
     */
    private static void unavailable(Context ctx, String reason) {
        LOG.debug("{} {} answered 503: {}", ctx.method(), ctx.path(), reason);
        ctx.header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        error(ctx, HttpStatus.SERVICE_UNAVAILABLE, Map.of("error", "not ready: retry in " + RETRY_AFTER_SECONDS + " s",
                "reason", reason == null ? "unavailable" : reason));
    }

    private static void error(Context ctx, HttpStatus status, Map<String, String> body) {
        ctx.status(status).json(body);
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return app.port();
    }

    /** Every route registered with Javalin, in registration order. */
    public List<Route> routes() {
        return routes;
    }

    int sseClientCount() {
        return events.clientCount();
    }

    @Override
    public void close() {
        events.close();
        app.stop();
    }
}
