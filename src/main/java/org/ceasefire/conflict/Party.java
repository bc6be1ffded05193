package org.ceasefire.conflict;

import java.time.LocalDate;

/**
 * An issuer of statements: a party of one side, or a neutral monitor. {@code code} is what statements carry.
 * A party may exist for a period only (the Nagorno-Karabakh authorities until 1 January 2024):
 * {@code validFrom} is its first day, {@code validUntil} the first day it no longer issues statements;
 * either may be null.
 */
public record Party(String code, String name, LocalDate validFrom, LocalDate validUntil) {
    public Party {
        if (validFrom != null && validUntil != null && !validUntil.isAfter(validFrom)) {
            throw new IllegalArgumentException("party " + code + ": until " + validUntil + " is not after from " + validFrom);
        }
    }

    /** A party without an end. */
    public Party(String code, String name) {
        this(code, name, null, null);
    }

    /** True when the party issued statements on {@code day}. */
    public boolean validOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validUntil == null || day.isBefore(validUntil));
    }
}
