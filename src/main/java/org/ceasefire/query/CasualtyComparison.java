package org.ceasefire.query;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Casualty claims side by side for one sector (or all, {@code sector} null) and period: for each
 * side's losses, what that side says it lost and what the other side says it inflicted.
 */
public record CasualtyComparison(@JsonProperty("sector") String sector,
                                 @JsonProperty("period_start") LocalDate periodStart,
                                 @JsonProperty("period_end") LocalDate periodEnd,
                                 @JsonProperty("losses") List<SideLosses> losses) {

    /** One side's losses as claimed by itself and by the other side. */
    public record SideLosses(@JsonProperty("side") String side,
                             @JsonProperty("name") String name,
                             @JsonProperty("killed") Claims killed,
                             @JsonProperty("wounded") Claims wounded,
                             @JsonProperty("civilian") Claims civilian) {
    }

    /** {@code difference} is the other side's figure minus the side's own. */
    public record Claims(@JsonProperty("by_itself") long byItself,
                         @JsonProperty("by_other_side") long byOtherSide,
                         @JsonProperty("difference") long difference) {
        static Claims of(long byItself, long byOtherSide) {
            return new Claims(byItself, byOtherSide, byOtherSide - byItself);
        }
    }
}
