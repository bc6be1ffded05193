package org.ceasefire.query;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;

import org.ceasefire.avro.ClaimContradiction;

/**
 * Position in the newest-first order of contradictions: the incident time and pair id of the last
 * item of a page. A cursor rather than a page number, so that pairs arriving while someone pages
 * neither repeat nor skip items. Opaque to clients (URL-safe Base64).
 */
public record PageCursor(long incidentStartMillis, String pairId) {

    /** Newest incident first; the pair id breaks ties so that the order is total and stable. */
    public static final Comparator<ClaimContradiction> NEWEST_FIRST = Comparator
            .comparing((ClaimContradiction c) -> c.getIncidentStart().toEpochMilli(), Comparator.reverseOrder())
            .thenComparing(ClaimContradiction::getPairId);

    public static PageCursor of(ClaimContradiction last) {
        return new PageCursor(last.getIncidentStart().toEpochMilli(), last.getPairId());
    }

    /** True when {@code c} comes strictly after this cursor in {@link #NEWEST_FIRST} order. */
    public boolean precedes(ClaimContradiction c) {
        return precedes(c.getIncidentStart().toEpochMilli(), c.getPairId());
    }

    /** True when an item at {@code millis} with {@code id} comes strictly after this cursor, newest first (clusters page the same way). */
    public boolean precedes(long millis, String id) {
        if (millis != incidentStartMillis) {
            return millis < incidentStartMillis;
        }
        return id.compareTo(pairId) > 0;
    }

    public String encode() {
        String raw = incidentStartMillis + ":" + pairId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Parses a cursor made by {@link #encode()}; rejects anything else with IllegalArgumentException. */
    public static PageCursor decode(String encoded) {
        String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
        int colon = raw.indexOf(':');
        if (colon <= 0 || colon == raw.length() - 1) {
            throw new IllegalArgumentException("not a cursor returned by this API");
        }
        return new PageCursor(Long.parseLong(raw.substring(0, colon)), raw.substring(colon + 1));
    }
}
