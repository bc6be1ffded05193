package org.ceasefire.query;

import java.util.List;
import java.util.Optional;

/** One page of incident clusters, newest first incident first, and the cursor of the next page when there is one. */
public record ClusterPage(List<IncidentCluster> items, Optional<PageCursor> next) implements Paged<IncidentCluster> {
    public ClusterPage {
        items = List.copyOf(items);
    }
}
