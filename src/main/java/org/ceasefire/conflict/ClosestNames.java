package org.ceasefire.conflict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.ceasefire.avro.Place;

/**
 * The gazetteer names nearest to a name that did not resolve, so that a maintainer sees which
 * spelling to add: by edit distance between skeletons (so that transliteration differences count
 * little), then between exact keys.
 */
public final class ClosestNames {
    /**
     * A listed name as the gazetteer spells it, its exact key, its place, and how far it is from the
     * name asked about (0 = same skeleton).
     */
    public record Suggestion(String name, String key, String placeId, int distance) {
    }

    private record Entry(String key, String skeleton, String placeId, String written) {
    }

    private final List<Entry> entries = new ArrayList<>();

    public ClosestNames(GazetteerFile file) {
        this(file.places());
    }

    /**
     * The names of these places, keyed as {@link GazetteerIndex} keys them: a key two places share
     * leads to the later one, as in the index; of a place's spellings with one key the first is shown.
     */
    public ClosestNames(List<Place> places) {
        Map<String, Entry> byKey = new TreeMap<>();
        for (Place place : places) {
            for (String name : place.getNames()) {
                String key = NameKeys.normalise(name);
                Entry known = byKey.get(key);
                if (!key.isEmpty() && (known == null || !known.placeId().equals(place.getPlaceId()))) {
                    byKey.put(key, new Entry(key, NameKeys.skeleton(key), place.getPlaceId(), name));
                }
            }
        }
        entries.addAll(byKey.values());
    }

    /** Up to {@code limit} nearest names to {@code normalised} (a name as {@link NameKeys#normalise} keys it), nearest first. */
    public List<Suggestion> closest(String normalised, int limit) {
        String skeleton = NameKeys.skeleton(normalised);
        return entries.stream()
                .map(e -> new Suggestion(e.written(), e.key(), e.placeId(), distance(skeleton, e.skeleton()) * 100 + distance(normalised, e.key())))
                .sorted(Comparator.comparingInt(Suggestion::distance).thenComparing(Suggestion::key))
                .limit(limit)
                .map(s -> new Suggestion(s.name(), s.key(), s.placeId(), s.distance() / 100))
                .toList();
    }

    /** Levenshtein distance between two keys. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
