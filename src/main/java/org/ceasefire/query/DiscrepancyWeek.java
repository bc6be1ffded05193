package org.ceasefire.query;

import java.time.LocalDate;
import java.util.Map;

/**
 * Accusations each side made in one sector during one ISO week (e.g. {@code 2023-W15}), keyed by
 * side id. Both sides are always present, with 0 when a side made none, so series line up.
 */
public record DiscrepancyWeek(String sector, String week, LocalDate weekStart, Map<String, Long> accusationsBySide) {
    public DiscrepancyWeek {
        accusationsBySide = Map.copyOf(accusationsBySide);
    }
}
