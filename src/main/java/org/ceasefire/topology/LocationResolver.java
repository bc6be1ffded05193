package org.ceasefire.topology;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.Instant;

import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.ceasefire.avro.Place;
import org.ceasefire.avro.SectorAssignment;
import org.ceasefire.conflict.ConflictDefinition;

/** Resolves a location as written to the sector its place belonged to on the incident day. */
public final class LocationResolver {
    /** The outcome: the sector, the place when one was found, and what was looked up. */
    public record Resolution(String sector, String placeId, String normalised) {
    }

    private final ReadOnlyKeyValueStore<String, Place> gazetteer;

    public LocationResolver(ReadOnlyKeyValueStore<String, Place> gazetteer) {
        this.gazetteer = gazetteer;
    }

    public Resolution resolve(String location, Instant incidentStart) {
        if (location == null || location.isBlank()) {
            return new Resolution(ConflictDefinition.WHOLE_FRONT_SECTOR, null, "");
        }
        String normalised = PlaceNames.normalise(location);
        Place place = GazetteerStore.lookup(gazetteer, normalised);
        if (place == null) {
            return new Resolution(ConflictDefinition.UNRESOLVED_SECTOR, null, normalised);
        }
        String sector = sectorOn(place, incidentStart.atZone(ZoneOffset.UTC).toLocalDate());
        // A known place outside every sector on that day (e.g. after control changed) is unresolved too: never dropped.
        return new Resolution(sector == null ? ConflictDefinition.UNRESOLVED_SECTOR : sector, place.getPlaceId(), normalised);
    }

    static String sectorOn(Place place, LocalDate day) {
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
