package org.ceasefire.query;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.ceasefire.avro.Place;
import org.ceasefire.conflict.ClosestNames;
import org.ceasefire.conflict.ConflictDefinition;
import org.ceasefire.conflict.GazetteerIndex;
import org.ceasefire.conflict.PlaceMatcher;

/**
 * The gazetteer names closest to each unresolved place name, so that a maintainer sees which
 * spelling to add and to which place. The name is first read as the pipeline reads it (the
 * conflict's generic words dropped: "Nerkin Khandd village" is compared as "nerkin khandd"), then
 * compared with every listed name ({@link ClosestNames}). The comparison is built once per
 * gazetteer content and its answers are remembered per name, since the same names are asked for
 * every few seconds by the operators' view.
 */
final class NameSuggestions {
    /** How many names are suggested per unresolved name. */
    static final int PER_NAME = 3;
    /** Answers remembered at most; beyond that the memory starts again (names rarely number that many). */
    private static final int MEMO_LIMIT = 10_000;

    /** {@code content}: each place's Avro binary, since Avro's equals fails on the dates inside a Place's union fields. */
    private record Gazetteer(List<String> content, PlaceMatcher matcher, ClosestNames names, Map<String, Place> byId,
                             Map<String, List<ClosestPlace>> memo) {
    }

    private final ConflictDefinition conflict;
    private volatile Gazetteer gazetteer;

    NameSuggestions(ConflictDefinition conflict) {
        this.conflict = conflict;
    }

    /** The closest names to {@code rawName} among {@code places} (the gazetteer as the stores hold it now), nearest first. */
    List<ClosestPlace> closest(String rawName, List<Place> places) {
        Gazetteer current = of(places);
        if (current.memo().size() > MEMO_LIMIT) {
            current.memo().clear();
        }
        return current.memo().computeIfAbsent(rawName, name -> suggest(current, name));
    }

    private Gazetteer of(List<Place> places) {
        Gazetteer current = gazetteer;
        List<String> content = InternalWire.encodeAll(places);
        if (current == null || !current.content().equals(content)) {
            Map<String, Place> byId = new TreeMap<>();
            places.forEach(place -> byId.put(place.getPlaceId(), place));
            current = new Gazetteer(content, new PlaceMatcher(conflict.nameRules(), new GazetteerIndex(places)),
                    new ClosestNames(places), byId, new ConcurrentHashMap<>());
            gazetteer = current;
        }
        return current;
    }

    private List<ClosestPlace> suggest(Gazetteer current, String rawName) {
        String normalised = current.matcher().match(rawName).normalised();
        if (normalised.isEmpty()) {
            return List.of();
        }
        return current.names().closest(normalised, PER_NAME).stream().map(suggestion -> {
            String sector = PlaceSectors.current(current.byId().get(suggestion.placeId()));
            return new ClosestPlace(suggestion.name(), suggestion.placeId(), sector, sector == null ? null : SectorNames.of(conflict, sector),
                    suggestion.distance());
        }).toList();
    }
}
