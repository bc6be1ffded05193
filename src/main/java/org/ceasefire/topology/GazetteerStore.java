package org.ceasefire.topology;

import java.util.HashSet;
import java.util.Set;

import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.ceasefire.avro.Place;

/**
 * The layout of the global gazetteer store: one store, three key spaces, every value a {@link Place}.
 * {@code place|<id>} is the place as last received; {@code name|<normalised>} and
 * {@code skel|<skeleton>} index its names. Keeping the index in the same store lets the one global
 * processor maintain it (a global processor may write only its own store), and restoration replays
 * the topic through that processor, so the index is rebuilt the same way on every start.
 */
public final class GazetteerStore {
    static final String PLACE = "place|";
    static final String NAME = "name|";
    static final String SKELETON = "skel|";

    private GazetteerStore() {
    }

    /** Applies one record of the gazetteer topic: a new or corrected place, or a tombstone ({@code place == null}). */
    static void apply(KeyValueStore<String, Place> store, String placeId, Place place) {
        Place previous = store.get(PLACE + placeId);
        if (previous != null) {
            for (String key : indexKeys(previous)) {
                Place indexed = store.get(key);
                // Only remove what still points here: another place may have taken the name since.
                if (indexed != null && indexed.getPlaceId().equals(placeId)) {
                    store.delete(key);
                }
            }
        }
        if (place == null) {
            store.delete(PLACE + placeId);
            return;
        }
        store.put(PLACE + placeId, place);
        for (String key : indexKeys(place)) {
            store.put(key, place);
        }
    }

    /** The place a normalised name belongs to: exact spelling first, then the looser skeleton. */
    static Place lookup(ReadOnlyKeyValueStore<String, Place> store, String normalised) {
        if (normalised.isEmpty()) {
            return null;
        }
        Place exact = store.get(NAME + normalised);
        if (exact != null) {
            return exact;
        }
        String skeleton = PlaceNames.skeleton(normalised);
        return skeleton.isEmpty() ? null : store.get(SKELETON + skeleton);
    }

    private static Set<String> indexKeys(Place place) {
        Set<String> keys = new HashSet<>();
        for (String name : place.getNames()) {
            String normalised = PlaceNames.normalise(name);
            if (!normalised.isEmpty()) {
                keys.add(NAME + normalised);
                keys.add(SKELETON + PlaceNames.skeleton(normalised));
            }
        }
        return keys;
    }
}
