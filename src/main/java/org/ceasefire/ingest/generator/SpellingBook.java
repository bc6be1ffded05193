package org.ceasefire.ingest.generator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ceasefire.avro.Place;
import org.ceasefire.conflict.GazetteerFile;

/**
 * Which of a place's names each side writes. A conflict file may give, per place,
 * {@code "spellings": {"<side id>": [...], "NEUTRAL": [...]}} next to {@code "names"}; a side
 * without its own list uses every name. This is read only by the generator, which needs
 * statements in each side's spelling; the topology resolves any name in {@code names}.
 */
public final class SpellingBook {
    /** The key of the names neutral monitors write. */
    public static final String NEUTRAL = "NEUTRAL";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Map<String, List<String>>> byPlace;

    public SpellingBook(Map<String, Map<String, List<String>>> byPlace) {
        this.byPlace = Map.copyOf(byPlace);
    }

    public static SpellingBook read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static SpellingBook builtIn() {
        try (InputStream in = SpellingBook.class.getClassLoader().getResourceAsStream(GazetteerFile.BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("The built-in gazetteer " + GazetteerFile.BUILT_IN + " is missing");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SpellingBook readOrBuiltIn(Path file) {
        return file == null ? builtIn() : read(file);
    }

    static SpellingBook read(InputStream in) throws IOException {
        Map<String, Map<String, List<String>>> byPlace = new HashMap<>();
        for (JsonNode place : JSON.readTree(in).path("places")) {
            Map<String, List<String>> bySide = new HashMap<>();
            place.path("spellings").properties().forEach(entry -> {
                List<String> names = new java.util.ArrayList<>();
                entry.getValue().forEach(name -> names.add(name.asText()));
                bySide.put(entry.getKey(), List.copyOf(names));
            });
            byPlace.put(place.path("id").asText(), bySide);
        }
        return new SpellingBook(byPlace);
    }

    /** The names of {@code place} that {@code sideOrNeutral} writes; every name when the file does not say. */
    public List<String> names(Place place, String sideOrNeutral) {
        List<String> names = byPlace.getOrDefault(place.getPlaceId(), Map.of()).get(sideOrNeutral);
        return names == null || names.isEmpty() ? place.getNames() : names;
    }

    /** The spellings of one place, as stored. */
    public Map<String, List<String>> of(String placeId) {
        return byPlace.getOrDefault(placeId, Map.of());
    }

    /** A book with more places' spellings added. */
    public SpellingBook with(Map<String, Map<String, List<String>>> more) {
        Map<String, Map<String, List<String>>> all = new HashMap<>(byPlace);
        all.putAll(more);
        return new SpellingBook(all);
    }
}
