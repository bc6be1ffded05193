package org.ceasefire.query;

import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What each side said over one period (of one sector or all): accusations and statements keyed by
 * side id, both sides always present; contradictions of every kind and unanswered accusations.
 */
public record ActivityPeriod(@JsonProperty("period_start") LocalDate periodStart,
                             @JsonProperty("period_end") LocalDate periodEnd,
                             @JsonProperty("accusations_by_side") Map<String, Long> accusationsBySide,
                             @JsonProperty("statements_by_side") Map<String, Long> statementsBySide,
                             @JsonProperty("contradictions") long contradictions,
                             @JsonProperty("unanswered_accusations") long unansweredAccusations) {
}
