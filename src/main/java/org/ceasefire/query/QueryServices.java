package org.ceasefire.query;

import java.util.Objects;
import java.util.Optional;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.ceasefire.conflict.ConflictDefinition;

/**
 * What the HTTP server serves. {@code local} is this instance's own stores for the
 * {@code /internal} endpoints that other instances call; it is empty for a server that answers
 * only the public API.
 */
public record QueryServices(ConflictDefinition conflict, CeasefireQueries queries, Optional<LocalQueries> local,
                            LiveEventFeed events, ReadinessCheck readiness, PrometheusMeterRegistry metrics, OperationsLog operations) {
    public QueryServices {
        Objects.requireNonNull(conflict, "conflict");
        Objects.requireNonNull(queries, "queries");
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(readiness, "readiness");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(operations, "operations");
    }

    /** Without an operations log: the operators' endpoint knows nothing. */
    public QueryServices(ConflictDefinition conflict, CeasefireQueries queries, Optional<LocalQueries> local,
                         LiveEventFeed events, ReadinessCheck readiness, PrometheusMeterRegistry metrics) {
        this(conflict, queries, local, events, readiness, metrics, OperationsLog.none());
    }
}
