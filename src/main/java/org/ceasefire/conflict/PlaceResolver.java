package org.ceasefire.conflict;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.ceasefire.avro.Place;
import org.ceasefire.avro.SectorAssignment;

/**
 * Resolves locations against a conflict file in memory, exactly as the topology does against its
 * gazetteer store: the same rules, the same keys, the same sector-on-the-day. Used by
 * {@code gazetteer resolve} and by tests that measure the gazetteer.
 */
public final class PlaceResolver {
    /** One place a location names and its sector on the day ({@link ConflictDefinition#UNRESOLVED_SECTOR} when in none). */
    public record Resolved(Place place, String sector) {
    }

    private final PlaceMatcher matcher;

    public PlaceResolver(GazetteerFile file) {
        this.matcher = new PlaceMatcher(file.conflict().nameRules(), new GazetteerIndex(file.places()));
    }

    /** The full outcome of matching, for tools that show why a name does not resolve. */
    public PlaceMatcher.Result match(String location) {
        return matcher.match(location);
    }

    /** Every place the location names, with its sector on {@code day}; empty when none is found. */
    public List<Resolved> resolve(String location, LocalDate day) {
        List<Resolved> resolved = new ArrayList<>();
        for (Place place : matcher.match(location).places()) {
            String sector = sectorOn(place, day);
            resolved.add(new Resolved(place, sector == null ? ConflictDefinition.UNRESOLVED_SECTOR : sector));
        }
        return resolved;
    }

    /** The sector the place belongs to on {@code day}, or null when it is in none then. */
    public static String sectorOn(Place place, LocalDate day) {
        for (SectorAssignment assignment : place.getSectors()) {
            boolean started = assignment.getValidFrom() == null || !day.isBefore(assignment.getValidFrom());
            boolean ended = assignment.getValidUntil() != null && !day.isBefore(assignment.getValidUntil());
            if (started && !ended) {
                return assignment.getSector();
            }
        }
        return null;
    }
}
