package org.ceasefire.query;

import java.util.List;
import java.util.Map;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.ceasefire.conflict.ConflictDefinition;

/**
 * {@code /internal/...}: this instance's own store contents, for the other instances of the
 * application ({@link RemoteInstance}). Never merged or forwarded, so a request cannot bounce
 * between instances.
 */
final class InternalRoutes {
    static final String PREFIX = "/internal";

    private final LocalQueries local;
    private final ConflictDefinition conflict;

    InternalRoutes(LocalQueries local, ConflictDefinition conflict) {
        this.local = local;
        this.conflict = conflict;
    }

    void register(Javalin app) {
        app.get(PREFIX + "/current-tallies", ctx -> records(ctx, InternalWire.encodeAll(local.currentTallies())));
        app.get(PREFIX + "/day-tallies", ctx -> {
            RequestParameters params = params(ctx);
            DateRange range = params.dateRange("from", "to");
            records(ctx, InternalWire.encodeAll(local.dayTallies(params.sector("sector"), range.from(), range.to())));
        });
        app.get(PREFIX + "/contradictions", ctx -> {
            RequestParameters params = params(ctx);
            ContradictionPage page = local.contradictions(params.contradictionFilter(), params.pageRequest());
            Map<String, Object> body = new java.util.LinkedHashMap<>();
            body.put("records", InternalWire.encodeAll(page.items()));
            body.put("next_cursor", page.next().map(PageCursor::encode).orElse(null));
            ctx.json(body);
        });
        app.get(PREFIX + "/pairs", ctx -> records(ctx, InternalWire.encodeAll(local.pairs(params(ctx).sector("sector")))));
        app.get(PREFIX + "/contradictions/{pairId}", ctx -> records(ctx,
                InternalWire.encodeAll(local.contradiction(params(ctx).id("pairId")).stream().toList())));
        app.get(PREFIX + "/statements/{statementId}/revisions", ctx -> records(ctx,
                InternalWire.encodeAll(local.statementRevisions(params(ctx).id("statementId")))));
        app.get(PREFIX + "/unresolved-places", ctx -> ctx.json(Map.of("places", local.unresolvedPlaces())));
        app.get(PREFIX + "/places", ctx -> records(ctx, InternalWire.encodeAll(local.places())));
        app.get(PREFIX + "/place-activity", ctx -> ctx.json(Map.of("places", local.placeActivity())));
    }

    private RequestParameters params(Context ctx) {
        return new RequestParameters(ctx, conflict);
    }

    private static void records(Context ctx, List<String> encoded) {
        ctx.json(Map.of("records", encoded));
    }
}
