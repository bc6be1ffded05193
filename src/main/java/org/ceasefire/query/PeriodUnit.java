package org.ceasefire.query;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** How a series groups days: ISO weeks (Monday to Sunday), calendar months, or one period for the whole range. */
public enum PeriodUnit {
    WEEK, MONTH, ALL;

    /** The first day of the period holding {@code day}; for ALL the same day for every day. */
    LocalDate start(LocalDate day) {
        return switch (this) {
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case ALL -> LocalDate.MIN;
        };
    }

    /** The last day of the period starting on {@code start} (not used for ALL). */
    LocalDate end(LocalDate start) {
        return switch (this) {
            case WEEK -> start.plusDays(6);
            case MONTH -> start.with(TemporalAdjusters.lastDayOfMonth());
            case ALL -> LocalDate.MAX;
        };
    }
}
