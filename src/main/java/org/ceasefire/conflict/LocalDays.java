package org.ceasefire.conflict;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The calendar of a conflict: which day an instant belongs to in the conflict's own time zone. Night
 * fire at 01:30 local time is reported, remembered and argued about as that local day, even though it is
 * the evening before in UTC; every day the product derives (tallies, rolling windows, a gazetteer's
 * sector periods, the query API's bare dates) is a day of this calendar.
 */
public record LocalDays(ZoneId zone) {
    /** Days of UTC: the calendar of a conflict file that names no time zone. */
    public static final LocalDays UTC = new LocalDays(ZoneOffset.UTC);

    public LocalDays {
        Objects.requireNonNull(zone, "zone");
    }

    /** The local day of {@code instant}. */
    public LocalDate day(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /** The local day of an instant given in epoch milliseconds. */
    public LocalDate day(long epochMillis) {
        return day(Instant.ofEpochMilli(epochMillis));
    }

    /** The first instant of a local day (its midnight, or the first moment after a gap at midnight). */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }
}
