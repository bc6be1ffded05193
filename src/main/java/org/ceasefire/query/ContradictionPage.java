package org.ceasefire.query;

import java.util.List;
import java.util.Optional;

import org.ceasefire.avro.ClaimContradiction;

/** One page of contradictions, newest first, and the cursor of the next page when there is one. */
public record ContradictionPage(List<ClaimContradiction> items, Optional<PageCursor> next) implements Paged<ClaimContradiction> {
    public ContradictionPage {
        items = List.copyOf(items);
    }
}
