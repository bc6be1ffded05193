package org.ceasefire.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.conflict.ConflictDefinition;

/**
 * Downloads of what the dashboard shows, with the same fields as the JSON API and the same
 * parameters: every matching contradiction (not one page) as CSV or JSON Lines, the sectors with
 * their common windows and the casualty comparison as CSV.
 */
final class ExportRoutes {
    static final String PREFIX = "/api/export";

    private final CeasefireQueries queries;
    private final ConflictDefinition conflict;
    private final ObjectMapper json;

    ExportRoutes(CeasefireQueries queries, ConflictDefinition conflict, ObjectMapper json) {
        this.queries = queries;
        this.conflict = conflict;
        this.json = json;
    }

    void register(Javalin app) {
        app.get(PREFIX + "/contradictions.csv", ctx -> csv(ctx, "contradictions.csv", json.valueToTree(allContradictions(ctx))));
        app.get(PREFIX + "/contradictions.jsonl", ctx -> lines(ctx, "contradictions.jsonl", allContradictions(ctx)));
        app.get(PREFIX + "/clusters.csv", ctx -> csv(ctx, "clusters.csv", json.valueToTree(allClusters(ctx))));
        app.get(PREFIX + "/clusters.jsonl", ctx -> lines(ctx, "clusters.jsonl", allClusters(ctx)));
        app.get(PREFIX + "/sectors.csv", ctx -> csv(ctx, "sectors.csv", json.valueToTree(queries.sectors(params(ctx).date("end")))));
        app.get(PREFIX + "/casualties.csv", ctx -> csv(ctx, "casualties.csv",
                json.valueToTree(ApiRoutes.casualtyRows(queries, params(ctx)))));
    }

    /** Every page of the filtered contradictions, newest incident first, as the API pages them. */
    private List<ClaimContradiction> allContradictions(Context ctx) {
        ContradictionFilter filter = params(ctx).contradictionFilter();
        return allPages(cursor -> queries.contradictions(filter, new PageRequest(PageRequest.MAX_LIMIT, cursor)));
    }

    /** Every page of the incident clusters with a pair matching the filters, as {@code /api/clusters} pages them. */
    private List<IncidentCluster> allClusters(Context ctx) {
        ContradictionFilter filter = params(ctx).contradictionFilter();
        return allPages(cursor -> queries.clusters(filter, new PageRequest(PageRequest.MAX_LIMIT, cursor)));
    }

    private static <T> List<T> allPages(Function<Optional<PageCursor>, Paged<T>> pageAfter) {
        List<T> all = new ArrayList<>();
        Optional<PageCursor> cursor = Optional.empty();
        do {
            Paged<T> page = pageAfter.apply(cursor);
            all.addAll(page.items());
            cursor = page.next();
        } while (cursor.isPresent());
        return all;
    }

    private void lines(Context ctx, String fileName, List<?> items) throws JsonProcessingException {
        StringBuilder lines = new StringBuilder();
        for (Object item : items) {
            lines.append(json.writeValueAsString(item)).append('\n');
        }
        attachment(ctx, fileName, "application/x-ndjson; charset=utf-8").result(lines.toString());
    }

    private static void csv(Context ctx, String fileName, JsonNode items) {
        attachment(ctx, fileName, "text/csv; charset=utf-8").result(CsvExport.of(items));
    }

    private static Context attachment(Context ctx, String fileName, String contentType) {
        return ctx.contentType(contentType).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    }

    private RequestParameters params(Context ctx) {
        return new RequestParameters(ctx, conflict);
    }
}
