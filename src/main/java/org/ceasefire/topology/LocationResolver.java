package org.ceasefire.topology;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.ceasefire.avro.Place;
import org.ceasefire.conflict.ConflictDefinition;
import org.ceasefire.conflict.LocalDays;
import org.ceasefire.conflict.NameRules;
import org.ceasefire.conflict.PlaceMatcher;
import org.ceasefire.conflict.PlaceResolver;

/**
 * Resolves a location as written to the places it names and the sector each belonged to on the
 * incident day, with the conflict's name rules over the global gazetteer store.
 */
public final class LocationResolver {
    /** The outcome for one place: the sector, the place when one was found (with its precision), and what was looked up. */
    public record Resolution(String sector, String placeId, String normalised, String precision) {
        public Resolution(String sector, String placeId, String normalised) {
            this(sector, placeId, normalised, null);
        }
    }

    private final ReadOnlyKeyValueStore<String, Place> gazetteer;
    private final PlaceMatcher.Index index;
    private final LocalDays calendar;
    private NameRules rules;
    private PlaceMatcher matcher;

    /**
     * A resolver with the name rules of the conflict whose places fill the store, as registered when its
     * conflict file was read ({@link NameRules#forConflict}); prefer {@link #LocationResolver(ReadOnlyKeyValueStore, NameRules)}.
     */
    public LocationResolver(ReadOnlyKeyValueStore<String, Place> gazetteer) {
        this(gazetteer, null);
    }

    /** A resolver with the given conflict's name rules ({@code ConflictDefinition.nameRules()}), on UTC days. */
    public LocationResolver(ReadOnlyKeyValueStore<String, Place> gazetteer, NameRules rules) {
        this(gazetteer, rules, LocalDays.UTC);
    }

    /**
     * A resolver with the given conflict's name rules, reading a place's sector periods as days of the
     * conflict's calendar ({@code ConflictDefinition.days()}): a handover "from 26 August" starts at local midnight.
     */
    public LocationResolver(ReadOnlyKeyValueStore<String, Place> gazetteer, NameRules rules, LocalDays calendar) {
        this.gazetteer = gazetteer;
        this.calendar = calendar;
        this.rules = rules;
        this.index = new PlaceMatcher.Index() {
            @Override
            public Place exact(String key) {
                return gazetteer.get(GazetteerStore.NAME + key);
            }

            @Override
            public Place loose(String skeleton) {
                return gazetteer.get(GazetteerStore.SKELETON + skeleton);
            }
        };
    }

    /** The first place the location names (see {@link #resolveAll}). */
    public Resolution resolve(String location, Instant incidentStart) {
        return resolveAll(location, incidentStart).get(0);
    }

    /**
     * One resolution per place the location names, in the order written; never empty. No location: the
     * whole front. No place found: one unresolved resolution. A place outside every sector on that day
     * (control changed, a rear-area town) resolves to the unresolved sector with its place id: never dropped.
     */
    public List<Resolution> resolveAll(String location, Instant incidentStart) {
        if (location == null || location.isBlank()) {
            return List.of(new Resolution(ConflictDefinition.WHOLE_FRONT_SECTOR, null, ""));
        }
        PlaceMatcher.Result result = matcher().match(location);
        if (result.places().isEmpty()) {
            return List.of(new Resolution(ConflictDefinition.UNRESOLVED_SECTOR, null, result.normalised()));
        }
        LocalDate day = calendar.day(incidentStart);
        List<Resolution> resolutions = new ArrayList<>(result.places().size());
        for (Place place : result.places()) {
            String sector = sectorOn(place, day);
            resolutions.add(new Resolution(sector == null ? ConflictDefinition.UNRESOLVED_SECTOR : sector, place.getPlaceId(),
                    result.normalised(), place.getPrecision()));
        }
        return resolutions;
    }

    private PlaceMatcher matcher() {
        if (matcher == null) {
            if (rules == null) {
                String conflict = conflictOfStore();
                if (conflict == null) {
                    // No place loaded yet: nothing can resolve, and the rules are looked for again next time.
                    return new PlaceMatcher(NameRules.NONE, index);
                }
                rules = NameRules.forConflict(conflict);
            }
            matcher = new PlaceMatcher(rules, index);
        }
        return matcher;
    }

    private String conflictOfStore() {
        try (KeyValueIterator<String, Place> places = gazetteer.range(GazetteerStore.PLACE, GazetteerStore.PLACE + Character.MAX_VALUE)) {
            return places.hasNext() ? places.next().value.getConflict() : null;
        }
    }

    static String sectorOn(Place place, LocalDate day) {
        return PlaceResolver.sectorOn(place, day);
    }
}
