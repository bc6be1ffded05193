package org.ceasefire.topology;

import java.time.LocalDate;

import org.ceasefire.avro.PeriodKind;

/**
 * Keys of the stores and topics keyed by sector. Parts are joined with {@code |}; times are
 * zero-padded epoch millis and days ISO dates, so lexicographic order is time order and ranges scan.
 */
public final class SectorKeys {
    public static final String SEPARATOR = "|";

    private SectorKeys() {
    }

    /** Key of the tally of one day: {@code sector|DAY|2023-04-11}, in the day-tallies store and on the tallies topic. */
    public static String day(String sector, LocalDate day) {
        return dayPrefix(sector) + day;
    }

    /** The prefix of all of a sector's day tallies: scan {@code [dayPrefix + from, dayPrefix + to]}. */
    public static String dayPrefix(String sector) {
        return sector + SEPARATOR + PeriodKind.DAY + SEPARATOR;
    }

    /** Key of a rolling or all-time tally: {@code sector|ROLLING_7D}, {@code sector|ROLLING_30D}, {@code sector|ALL_TIME}. */
    public static String current(String sector, PeriodKind kind) {
        return sector + SEPARATOR + kind;
    }

    /** Key of a statement, pair or link as one sector knows it: {@code sector|id}. */
    public static String member(String sector, String id) {
        return sector + SEPARATOR + id;
    }

    /** Zero-padded so that string order is numeric order; times before 1970 are clamped (they are never valid incidents). */
    public static String time(long epochMillis) {
        // Not String.format: this runs several times per sector event, and the profile showed format at 5 % of the stream thread.
        String digits = Long.toString(Math.max(0L, epochMillis));
        if (digits.length() >= TIME_DIGITS) {
            return digits;
        }
        return ZEROS.substring(0, TIME_DIGITS - digits.length()) + digits;
    }

    private static final int TIME_DIGITS = 15;
    private static final String ZEROS = "0".repeat(TIME_DIGITS);
}
