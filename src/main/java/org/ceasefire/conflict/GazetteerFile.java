package org.ceasefire.conflict;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ceasefire.avro.Place;
import org.ceasefire.avro.SectorAssignment;

/**
 * A conflict definition and its gazetteer, read from one JSON file:
 * <pre>
 * { "conflict": { "id", "name", "sides": [ {id, name, parties: [{code, name}]}, {...} ],
 *                 "monitors": [{code, name}], "sectors": [{id, name}] },
 *   "places": [ { "id", "names": [...], "sectors": [ {"sector", "from", "until"} ] } ] }
 * </pre>
 * {@code from} is the first day a place belongs to the sector, {@code until} the first day it no
 * longer does; either may be absent. Every problem is reported with the file and the JSON path.
 */
public record GazetteerFile(ConflictDefinition conflict, List<Place> places) {
    /** The conflict that ships with the application. */
    public static final String BUILT_IN = "conflicts/am-az.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    public GazetteerFile {
        places = List.copyOf(places);
    }

    public static GazetteerFile read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read gazetteer file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads the conflict definition that ships inside the application. */
    public static GazetteerFile builtIn() {
        try (InputStream in = GazetteerFile.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("The built-in gazetteer " + BUILT_IN + " is missing from the class path");
            }
            return read(in, BUILT_IN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads {@code file} when given, else the built-in conflict. */
    public static GazetteerFile readOrBuiltIn(Path file) {
        return file == null ? builtIn() : read(file);
    }

    public static GazetteerFile read(InputStream in, String sourceName) {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(sourceName + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + sourceName, e);
        }
        Reader reader = new Reader(sourceName);
        ConflictDefinition conflict = reader.conflict(root.path("conflict"));
        List<Place> places = reader.places(root.path("places"), conflict);
        if (!reader.problems.isEmpty()) {
            throw new IllegalArgumentException(sourceName + " has " + reader.problems.size() + " problem(s):\n  - "
                    + String.join("\n  - ", reader.problems));
        }
        return new GazetteerFile(conflict, places);
    }

    /** Collects every problem rather than stopping at the first, so a file is fixed in one pass. */
    private static final class Reader {
        private final String source;
        private final List<String> problems = new ArrayList<>();

        Reader(String source) {
            this.source = source;
        }

        ConflictDefinition conflict(JsonNode node) {
            if (!node.isObject()) {
                throw new IllegalArgumentException(source + ": $.conflict: missing or not an object");
            }
            JsonNode sides = node.path("sides");
            if (!sides.isArray() || sides.size() != 2) {
                throw new IllegalArgumentException(source + ": $.conflict.sides: must list exactly two sides");
            }
            List<Sector> sectors = new ArrayList<>();
            JsonNode sectorNodes = node.path("sectors");
            for (int i = 0; i < sectorNodes.size(); i++) {
                String path = "$.conflict.sectors[" + i + "]";
                sectors.add(new Sector(text(sectorNodes.get(i), "id", path), text(sectorNodes.get(i), "name", path)));
            }
            try {
                return new ConflictDefinition(text(node, "id", "$.conflict"), text(node, "name", "$.conflict"),
                        side(sides.get(0), "$.conflict.sides[0]"), side(sides.get(1), "$.conflict.sides[1]"),
                        parties(node.path("monitors"), "$.conflict.monitors"), sectors);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
            }
        }

        private Side side(JsonNode node, String path) {
            return new Side(text(node, "id", path), text(node, "name", path), parties(node.path("parties"), path + ".parties"));
        }

        private List<Party> parties(JsonNode nodes, String path) {
            List<Party> parties = new ArrayList<>();
            for (int i = 0; i < nodes.size(); i++) {
                String at = path + "[" + i + "]";
                parties.add(new Party(text(nodes.get(i), "code", at), text(nodes.get(i), "name", at)));
            }
            return parties;
        }

        List<Place> places(JsonNode nodes, ConflictDefinition conflict) {
            if (!nodes.isArray()) {
                problems.add("$.places: missing or not an array");
                return List.of();
            }
            List<Place> places = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < nodes.size(); i++) {
                String path = "$.places[" + i + "]";
                JsonNode node = nodes.get(i);
                String id = text(node, "id", path);
                if (!ids.add(id)) {
                    problems.add(path + ".id: place id " + id + " is used twice");
                }
                List<String> names = new ArrayList<>();
                node.path("names").forEach(name -> names.add(name.asText()));
                if (names.isEmpty() || names.stream().anyMatch(String::isBlank)) {
                    problems.add(path + ".names (" + id + "): needs at least one name and no blank ones");
                }
                places.add(new Place(id, conflict.id(), names, assignments(node.path("sectors"), path + ".sectors", id, conflict), null, null, null));
            }
            return places;
        }

        private List<SectorAssignment> assignments(JsonNode nodes, String path, String placeId, ConflictDefinition conflict) {
            List<SectorAssignment> assignments = new ArrayList<>();
            for (int i = 0; i < nodes.size(); i++) {
                String at = path + "[" + i + "]";
                String sector = text(nodes.get(i), "sector", at);
                if (!conflict.hasSector(sector)) {
                    problems.add(at + ".sector (" + placeId + "): unknown sector " + sector);
                }
                LocalDate from = date(nodes.get(i), "from", at);
                LocalDate until = date(nodes.get(i), "until", at);
                if (from != null && until != null && !until.isAfter(from)) {
                    problems.add(at + " (" + placeId + "): until " + until + " is not after from " + from);
                }
                assignments.add(new SectorAssignment(sector, from, until));
            }
            if (assignments.isEmpty()) {
                problems.add(path + " (" + placeId + "): a place needs at least one sector");
            }
            checkNoOverlap(assignments, path, placeId);
            return assignments;
        }

        private void checkNoOverlap(List<SectorAssignment> assignments, String path, String placeId) {
            List<SectorAssignment> sorted = new ArrayList<>(assignments);
            sorted.sort(Comparator.comparing(a -> a.getValidFrom() == null ? LocalDate.MIN : a.getValidFrom()));
            for (int i = 1; i < sorted.size(); i++) {
                LocalDate previousUntil = sorted.get(i - 1).getValidUntil();
                LocalDate from = sorted.get(i).getValidFrom();
                if (previousUntil == null || from == null || from.isBefore(previousUntil)) {
                    problems.add(path + " (" + placeId + "): sector periods overlap");
                    return;
                }
            }
        }

        private String text(JsonNode node, String field, String path) {
            JsonNode value = node == null ? null : node.get(field);
            if (value == null || !value.isTextual() || value.asText().isBlank()) {
                problems.add(path + "." + field + ": required text is missing");
                return "?";
            }
            return value.asText();
        }

        private LocalDate date(JsonNode node, String field, String path) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            try {
                return LocalDate.parse(value.asText());
            } catch (DateTimeParseException e) {
                problems.add(path + "." + field + ": " + value.asText() + " is not a date (YYYY-MM-DD)");
                return null;
            }
        }
    }
}
