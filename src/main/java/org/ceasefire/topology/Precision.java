package org.ceasefire.topology;

import java.util.List;

import org.ceasefire.avro.TimePrecision;

/**
 * How precisely a pair is known: the coarser of its two statements' time precisions and of their places'
 * precisions, as event data sets such as ACLED and UCDP grade theirs. A pair of a statement "at night near
 * Tovuz" and one "at 23:40 in Aghdam" is known to part of the day and to the district.
 */
public final class Precision {
    /** Place precisions of the gazetteer, finest first: a point (village, height), a town, a line (road, direction), an area. */
    public static final List<String> PLACE_ORDER = List.of("village", "height", "town", "road", "district", "direction");

    private Precision() {
    }

    /** The coarser of two time precisions. */
    public static TimePrecision coarser(TimePrecision a, TimePrecision b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    /** The coarser of two place precisions; null when either is unknown (null, or not a precision of {@link #PLACE_ORDER}). */
    public static String coarserPlace(String a, String b) {
        int ra = placeRank(a);
        int rb = placeRank(b);
        if (ra < 0 || rb < 0) {
            return null;
        }
        return PLACE_ORDER.get(Math.max(ra, rb));
    }

    /** The rank of a place precision, finest 0; -1 when unknown. */
    public static int placeRank(String precision) {
        return precision == null ? -1 : PLACE_ORDER.indexOf(precision);
    }
}
