package org.ceasefire.query;

import java.util.Optional;

/** A page of at most {@code limit} items, starting after the item the cursor names (first page when empty). */
public record PageRequest(int limit, Optional<PageCursor> after) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, Optional.empty());
    }
}
