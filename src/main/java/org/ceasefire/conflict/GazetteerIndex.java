package org.ceasefire.conflict;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ceasefire.avro.Place;

/**
 * The gazetteer's names in memory, keyed as the topology's global store keys them (exact key and
 * skeleton of each listed name, the later place winning a shared key), for resolving without Kafka:
 * {@code gazetteer resolve}, {@code gazetteer check} and tests.
 */
public final class GazetteerIndex implements PlaceMatcher.Index {
    private final Map<String, Place> exact = new HashMap<>();
    private final Map<String, Place> loose = new HashMap<>();

    public GazetteerIndex(List<Place> places) {
        for (Place place : places) {
            for (String name : place.getNames()) {
                String key = NameKeys.normalise(name);
                if (!key.isEmpty()) {
                    exact.put(key, place);
                    loose.put(NameKeys.skeleton(key), place);
                }
            }
        }
    }

    @Override
    public Place exact(String key) {
        return exact.get(key);
    }

    @Override
    public Place loose(String skeleton) {
        return loose.get(skeleton);
    }

    /** Every exact key, with the place it leads to. */
    public Map<String, Place> keys() {
        return Map.copyOf(exact);
    }
}
