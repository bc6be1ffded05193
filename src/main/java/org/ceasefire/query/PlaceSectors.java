package org.ceasefire.query;

import java.lang.Character.UnicodeScript;

import org.ceasefire.avro.Place;
import org.ceasefire.avro.SectorAssignment;

/** What the map says about a gazetteer place: its sector now, and a name readers of Latin script can read. */
final class PlaceSectors {
    private PlaceSectors() {
    }

    /** The assignment still valid (no end), else the latest one; null when the place has none. */
    static String current(Place place) {
        SectorAssignment latest = null;
        for (SectorAssignment assignment : place.getSectors()) {
            if (assignment.getValidUntil() == null) {
                return assignment.getSector();
            }
            if (latest == null || assignment.getValidUntil().isAfter(latest.getValidUntil())) {
                latest = assignment;
            }
        }
        return latest == null ? null : latest.getSector();
    }

    /** The first name in Latin script (the gazetteer lists each side's own script first), else the first name, else the id. */
    static String displayName(Place place) {
        return place.getNames().stream()
                .filter(name -> !name.isEmpty() && UnicodeScript.of(name.codePointAt(0)) == UnicodeScript.LATIN)
                .findFirst()
                .orElse(place.getNames().isEmpty() ? place.getPlaceId() : place.getNames().get(0));
    }
}
