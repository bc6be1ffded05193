package org.ceasefire.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.ceasefire.conflict.ConflictDefinition;

/** The public JSON API under {@code /api}: every answer comes from {@link CeasefireQueries}. */
final class ApiRoutes {
    private final CeasefireQueries queries;
    private final ConflictDefinition conflict;

    private final ObjectMapper json;

    private final MapTiles mapTiles;
    private final OperationsLog operations;

    ApiRoutes(CeasefireQueries queries, ConflictDefinition conflict, ObjectMapper json, MapTiles mapTiles, OperationsLog operations) {
        this.queries = queries;
        this.conflict = conflict;
        this.json = json;
        this.mapTiles = mapTiles;
        this.operations = operations;
    }

    void register(Javalin app) {
        app.get("/api/conflict", this::conflict);
        app.get("/api/sectors", ctx -> ctx.json(queries.sectors(params(ctx).date("end"))));
        app.get("/api/sectors/{sector}/days", this::days);
        app.get("/api/contradictions", this::contradictions);
        app.get("/api/contradictions/{pairId}", ctx -> {
            String pairId = params(ctx).id("pairId");
            ctx.json(queries.contradiction(pairId).orElseThrow(() -> new NotFoundException("no contradiction with pair id " + pairId)));
        });
        app.get("/api/clusters", ctx -> {
            RequestParameters params = params(ctx);
            ctx.json(page(queries.clusters(params.contradictionFilter(), params.pageRequest())));
        });
        app.get("/api/clusters/{clusterId}", ctx -> {
            String clusterId = params(ctx).id("clusterId");
            ctx.json(queries.cluster(clusterId).orElseThrow(() -> noCluster(clusterId)));
        });
        app.get("/api/clusters/{clusterId}/pairs", ctx -> {
            RequestParameters params = params(ctx);
            String clusterId = params.id("clusterId");
            ctx.json(page(queries.clusterPairs(clusterId, params.contradictionFilter(), params.pageRequest())
                    .orElseThrow(() -> noCluster(clusterId))));
        });
        app.get("/api/statements/{statementId}", this::statement);
        app.get("/api/unresolved-places", ctx -> ctx.json(queries.unresolvedPlaces()));
        app.get("/api/discrepancies", this::discrepancies);
        app.get("/api/activity", this::activity);
        app.get("/api/casualties", this::casualties);
        app.get("/api/map", this::map);
        app.get("/api/operations", this::operations);
        new ExportRoutes(queries, conflict, json).register(app);
    }

    private void activity(Context ctx) {
        RequestParameters params = params(ctx);
        ctx.json(queries.activity(params.sector("sector"), params.dateRange("from", "to"), params.periodUnit("period", PeriodUnit.WEEK)));
    }

    private void operations(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dead_letters_per_day", perDay(operations.deadLettersPerDay()));
        body.put("late_per_day", perDay(operations.latePerDay()));
        body.put("last_output_at", operations.lastOutputAt().map(Object::toString).orElse(null));
        java.util.OptionalLong lag = operations.consumerLag();
        body.put("consumer_lag", lag.isPresent() ? lag.getAsLong() : null);
        body.put("unresolved_places", queries.unresolvedPlaces());
        ctx.json(body);
    }

    /** Newest day first. */
    private static List<Map<String, Object>> perDay(Map<java.time.LocalDate, Long> counts) {
        return new java.util.TreeMap<>(counts).descendingMap().entrySet().stream()
                .map(entry -> {
                    Map<String, Object> day = new LinkedHashMap<>();
                    day.put("day", entry.getKey().toString());
                    day.put("count", entry.getValue());
                    return day;
                })
                .toList();
    }

    private void map(Context ctx) {
        Map<String, Object> tiles = new LinkedHashMap<>();
        tiles.put("url", mapTiles.urlTemplate().orElse(null));
        tiles.put("attribution", mapTiles.attribution());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tiles", tiles);
        body.put("places", queries.places());
        ctx.json(body);
    }

    private void casualties(Context ctx) {
        RequestParameters params = params(ctx);
        ctx.json(casualtyRows(queries, params));
    }

    /** The casualty comparison a request asks for: per sector unless {@code group=none}. */
    static List<CasualtyComparison> casualtyRows(CeasefireQueries queries, RequestParameters params) {
        boolean bySector = "sector".equals(params.choice("group", "sector", List.of("sector", "none")));
        return queries.casualties(params.sector("sector"), params.dateRange("from", "to"), params.periodUnit("period", PeriodUnit.ALL),
                bySector);
    }

    private void conflict(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", conflict.id());
        body.put("name", conflict.name());
        body.put("time_zone", conflict.timeZone().getId());
        body.put("sides", List.of(conflict.sideOne(), conflict.sideTwo()));
        body.put("monitors", conflict.monitors());
        body.put("sectors", conflict.sectors());
        ctx.json(body);
    }

    private void days(Context ctx) {
        RequestParameters params = params(ctx);
        String sector = ctx.pathParam("sector");
        if (!params.isSector(sector)) {
            throw new NotFoundException("no sector " + sector + " in conflict " + conflict.id());
        }
        DateRange range = params.dateRange("from", "to");
        ctx.json(queries.dailyTallies(sector, range.from(), range.to()));
    }

    private void contradictions(Context ctx) {
        RequestParameters params = params(ctx);
        ctx.json(page(queries.contradictions(params.contradictionFilter(), params.pageRequest())));
    }

    /** A page as every list of the API gives it: its items and the cursor of the next page (null on the last). */
    private static Map<String, Object> page(Paged<?> page) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items());
        body.put("next_cursor", page.next().map(PageCursor::encode).orElse(null));
        return body;
    }

    private static NotFoundException noCluster(String clusterId) {
        return new NotFoundException("no incident cluster with id " + clusterId);
    }

    private void statement(Context ctx) {
        String statementId = params(ctx).id("statementId");
        StatementHistory history = queries.statement(statementId)
                .orElseThrow(() -> new NotFoundException("no statement with id " + statementId));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("statement_id", history.statementId());
        body.put("revisions", history.revisions());
        body.put("pairs", history.pairs());
        ctx.json(body);
    }

    private void discrepancies(Context ctx) {
        RequestParameters params = params(ctx);
        Optional<String> sector = params.sector("sector");
        DateRange range = params.dateRange("from", "to");
        List<Map<String, Object>> weeks = queries.discrepancies(sector, range.from(), range.to()).stream()
                .map(ApiRoutes::week)
                .toList();
        ctx.json(weeks);
    }

    private static Map<String, Object> week(DiscrepancyWeek week) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sector", week.sector());
        body.put("week", week.week());
        body.put("week_start", week.weekStart().toString());
        body.put("accusations_by_side", new java.util.TreeMap<>(week.accusationsBySide()));
        return body;
    }

    private RequestParameters params(Context ctx) {
        return new RequestParameters(ctx, conflict);
    }
}
