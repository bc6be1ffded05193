package org.ceasefire.topology;

import org.ceasefire.conflict.NameKeys;

/**
 * The keys the gazetteer store indexes place names by. They are the same for every conflict (case,
 * accents, undecomposed Latin letters): what is particular to a language is applied to the location
 * before lookup, by the conflict's {@link org.ceasefire.conflict.NameRules} (see {@link LocationResolver}).
 */
public final class PlaceNames {
    private PlaceNames() {
    }

    /** The exact key of a name as listed or written; empty when it has no letters or digits. */
    public static String normalise(String raw) {
        return NameKeys.normalise(raw);
    }

    /** The loose key of an already normalised name, tried only when the exact key misses. */
    public static String skeleton(String normalised) {
        return NameKeys.skeleton(normalised);
    }
}
