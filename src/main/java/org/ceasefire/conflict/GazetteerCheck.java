package org.ceasefire.conflict;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ceasefire.avro.Place;

/**
 * The checks of {@code gazetteer check} beyond what reading a file already enforces (unknown sectors,
 * overlapping periods, bad dates): names that two places share, names the resolver cannot lead back
 * to their place, and places without a source or coordinates. Each problem names the file, the place
 * (its JSON path and id) and the field.
 */
public final class GazetteerCheck {
    private GazetteerCheck() {
    }

    public static List<String> problems(GazetteerFile file, String sourceName) {
        List<String> problems = new ArrayList<>();
        List<Place> places = file.places();
        Map<String, Integer> byKey = new HashMap<>();
        Map<String, Integer> bySkeleton = new HashMap<>();
        PlaceResolver resolver = new PlaceResolver(file);
        for (int i = 0; i < places.size(); i++) {
            Place place = places.get(i);
            String at = sourceName + ": $.places[" + i + "]";
            for (String name : place.getNames()) {
                String key = NameKeys.normalise(name);
                Integer other = byKey.putIfAbsent(key, i);
                if (other != null && other != i) {
                    problems.add(at + ".names (" + place.getPlaceId() + "): '" + name + "' normalises to '" + key
                            + "', a name of " + places.get(other).getPlaceId() + " ($.places[" + other + "]) too");
                    continue;
                }
                String skeleton = NameKeys.skeleton(key);
                Integer looseOther = bySkeleton.putIfAbsent(skeleton, i);
                if (looseOther != null && looseOther != i && skeleton.length() >= PlaceMatcher.MIN_SKELETON_LETTERS) {
                    problems.add(at + ".names (" + place.getPlaceId() + "): '" + name + "' has the skeleton '" + skeleton
                            + "' of a name of " + places.get(looseOther).getPlaceId() + " ($.places[" + looseOther + "]): list the other spelling exactly");
                }
            }
            GazetteerFile.PlaceNotes notes = file.notes().get(place.getPlaceId());
            if (notes != null) {
                for (String name : notes.listedNames()) {
                    List<String> found = resolver.match(name).places().stream().map(Place::getPlaceId).toList();
                    boolean qualifiedOnly = !place.getNames().contains(name);
                    if (!qualifiedOnly && !found.equals(List.of(place.getPlaceId()))) {
                        problems.add(at + ".names (" + place.getPlaceId() + "): '" + name + "' resolves to "
                                + (found.isEmpty() ? "nothing" : String.join(", ", found)) + " (a generic word in it, or another place's name?)");
                    }
                }
                if (notes.source() == null || notes.source().isBlank()) {
                    problems.add(at + ".source (" + place.getPlaceId() + "): missing: say where the names, dates and coordinates come from");
                }
            }
            if (place.getLatitude() == null) {
                problems.add(at + ".latitude (" + place.getPlaceId() + "): missing coordinates");
            }
            if (place.getPrecision() == null) {
                problems.add(at + ".precision (" + place.getPlaceId() + "): missing: one of " + new java.util.TreeSet<>(GazetteerFile.PRECISIONS));
            }
        }
        return problems;
    }
}
