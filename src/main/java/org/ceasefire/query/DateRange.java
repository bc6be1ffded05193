package org.ceasefire.query;

import java.time.LocalDate;

/** Days {@code [from, to]}, both included (UTC); an open end is the far past or future. */
public record DateRange(LocalDate from, LocalDate to) {
    static final LocalDate BEGINNING = LocalDate.of(1900, 1, 1);
    static final LocalDate END = LocalDate.of(9999, 12, 31);

    public static DateRange all() {
        return new DateRange(BEGINNING, END);
    }

    boolean openStart() {
        return from.equals(BEGINNING);
    }

    boolean openEnd() {
        return to.equals(END);
    }
}
