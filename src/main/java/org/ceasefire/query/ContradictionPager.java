package org.ceasefire.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.stream.Stream;

import org.ceasefire.avro.ClaimContradiction;

/**
 * Cuts one page out of contradictions from any number of sources (local stores, other instances),
 * so that every instance pages the same way and a merged answer is deterministic.
 */
public final class ContradictionPager {
    private ContradictionPager() {
    }

    /** Filters, orders newest first, skips up to the cursor and keeps {@code page.limit()} items. */
    public static ContradictionPage page(Stream<ClaimContradiction> candidates, ContradictionFilter filter, PageRequest page) {
        // Keeps only the best limit+1 while streaming: a store may hold far more pairs than a page.
        int keep = page.limit() + 1;
        PriorityQueue<ClaimContradiction> best = new PriorityQueue<>(keep + 1, PageCursor.NEWEST_FIRST.reversed());
        candidates
                .filter(filter::matches)
                .filter(c -> page.after().map(cursor -> cursor.precedes(c)).orElse(true))
                .forEach(c -> {
                    best.add(c);
                    if (best.size() > keep) {
                        best.poll();
                    }
                });
        List<ClaimContradiction> window = new ArrayList<>(best);
        window.sort(PageCursor.NEWEST_FIRST);
        if (window.size() <= page.limit()) {
            return new ContradictionPage(window, Optional.empty());
        }
        List<ClaimContradiction> items = new ArrayList<>(window.subList(0, page.limit()));
        return new ContradictionPage(items, Optional.of(PageCursor.of(items.get(items.size() - 1))));
    }
}
