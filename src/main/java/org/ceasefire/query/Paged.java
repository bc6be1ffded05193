package org.ceasefire.query;

import java.util.List;
import java.util.Optional;

/** A page of a newest-first list and the cursor of the next page, when there is one. */
public interface Paged<T> {
    List<T> items();

    Optional<PageCursor> next();
}
