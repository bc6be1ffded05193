package org.ceasefire.conflict;

import java.time.LocalDate;
import java.util.List;

/**
 * An issuer of statements: a party of one side, or a neutral monitor. {@code code} is what statements carry.
 * A party may exist for a period only (the Nagorno-Karabakh authorities until 1 January 2024):
 * {@code validFrom} is its first day, {@code validUntil} the first day it no longer issues statements;
 * either may be null. {@code areas} is its area of responsibility: the sectors a party's calm reports
 * speak for, or a monitor's mandate, each for a period; empty means the whole front at any time.
 */
public record Party(String code, String name, LocalDate validFrom, LocalDate validUntil, List<Area> areas) {
    public Party {
        if (validFrom != null && validUntil != null && !validUntil.isAfter(validFrom)) {
            throw new IllegalArgumentException("party " + code + ": until " + validUntil + " is not after from " + validFrom);
        }
        areas = areas == null ? List.of() : List.copyOf(areas);
    }

    /** A party without areas of responsibility: it speaks for the whole front. */
    public Party(String code, String name, LocalDate validFrom, LocalDate validUntil) {
        this(code, name, validFrom, validUntil, List.of());
    }

    /** A party without an end. */
    public Party(String code, String name) {
        this(code, name, null, null);
    }

    /** True when the party issued statements on {@code day}. */
    public boolean validOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validUntil == null || day.isBefore(validUntil));
    }

    /** True when {@code sector} is in the party's area on {@code day}: always for a party without areas. */
    public boolean speaksFor(String sector, LocalDate day) {
        if (areas.isEmpty()) {
            return true;
        }
        for (Area area : areas) {
            if (area.covers(sector, day)) {
                return true;
            }
        }
        return false;
    }
}
