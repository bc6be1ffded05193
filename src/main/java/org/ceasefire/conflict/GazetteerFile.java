package org.ceasefire.conflict;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ceasefire.avro.Place;
import org.ceasefire.avro.SectorAssignment;

/**
 * A conflict definition and its gazetteer, read from one JSON file:
 * <pre>
 * { "conflict": { "id", "name", "time_zone"?, "sides": [ {id, name, parties: [{code, name, from?, until?, areas?}]}, {...} ],
 *                 "monitors": [{code, name, areas?}], "sectors": [{id, name}],
 *                 "names": { "languages": [ {id, script, generic_words, district_words, conjunctions, case_endings,
 *                                            folding, transliteration, min_stem} ] } },
 *   "places": [ { "id", "names": [...], "sectors": [ {"sector", "from", "until"} ],
 *                 "districts": [place ids], "qualified_only", "control": [ {"side", "from", "until"} ],
 *                 "latitude", "longitude", "precision", "source" } ] }
 * </pre>
 * {@code from} is the first day of a period, {@code until} the first day after it; either may be absent.
 * A party's or monitor's {@code areas} ({@code [{"sectors": [...], "from", "until", "source"}]}) is its area
 * of responsibility; without them it speaks for the whole front.
 * A place with {@code "sectors": []} is known but in no sector (a rear-area town, a province): statements
 * naming it are tallied as unresolved. Each name of a place is also listed qualified by each name of
 * its districts in the same script, "Ağdam (Tovuz)", which is how a district picks one of several
 * places of the same name; with {@code "qualified_only": true} a namesake is listed only so. Every problem is reported with the file and the JSON path.
 */
public record GazetteerFile(ConflictDefinition conflict, List<Place> places, Map<String, PlaceNotes> notes) {
    /** The conflict that ships with the application. */
    public static final String BUILT_IN = "conflicts/am-az.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What precision a place's coordinates may have. */
    public static final Set<String> PRECISIONS = Set.of("village", "town", "district", "height", "direction", "road");

    public GazetteerFile {
        places = List.copyOf(places);
        notes = Map.copyOf(notes);
    }

    /** A gazetteer without notes (one built in code). */
    public GazetteerFile(ConflictDefinition conflict, List<Place> places) {
        this(conflict, places, Map.of());
    }

    /**
     * What the file says of a place beyond its {@link Place} record.
     *
     * @param listedNames the names as listed (without the qualified names derived from districts)
     * @param districts   ids of the places (districts, provinces) it lies in
     * @param control     which side held it when
     * @param source      where its names, dates and coordinates come from
     */
    public record PlaceNotes(List<String> listedNames, List<String> districts, List<Control> control, String source) {
    }

    /** A side's control of a place over a period. */
    public record Control(String side, LocalDate from, LocalDate until) {
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
        NameRules.register(conflict.id(), conflict.nameRules());
        return new GazetteerFile(conflict, places, reader.notes);
    }

    /** Collects every problem rather than stopping at the first, so a file is fixed in one pass. */
    private static final class Reader {
        private final String source;
        private final List<String> problems = new ArrayList<>();
        private final Map<String, PlaceNotes> notes = new LinkedHashMap<>();

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
            Set<String> sectorIds = new HashSet<>();
            sectors.forEach(sector -> sectorIds.add(sector.id()));
            try {
                return new ConflictDefinition(text(node, "id", "$.conflict"), text(node, "name", "$.conflict"),
                        side(sides.get(0), "$.conflict.sides[0]", sectorIds), side(sides.get(1), "$.conflict.sides[1]", sectorIds),
                        parties(node.path("monitors"), "$.conflict.monitors", sectorIds), sectors, nameRules(node.path("names"), "$.conflict.names"),
                        timeZone(node.path("time_zone")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
            }
        }

        /** {@code time_zone}: an IANA zone id such as Asia/Baku, or a fixed offset (+04:00); absent means UTC. */
        private static ZoneId timeZone(JsonNode node) {
            if (node.isMissingNode() || node.isNull()) {
                return ZoneOffset.UTC;
            }
            String text = node.isTextual() ? node.asText() : node.toString();
            try {
                if (!node.isTextual() || text.isBlank()) {
                    throw new DateTimeException("not a text");
                }
                return ZoneId.of(text);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("$.conflict.time_zone: '" + text
                        + "' is not a time zone id (an IANA id such as Asia/Baku, or an offset such as +04:00)");
            }
        }

        private Side side(JsonNode node, String path, Set<String> sectorIds) {
            return new Side(text(node, "id", path), text(node, "name", path), parties(node.path("parties"), path + ".parties", sectorIds));
        }

        private List<Party> parties(JsonNode nodes, String path, Set<String> sectorIds) {
            List<Party> parties = new ArrayList<>();
            for (int i = 0; i < nodes.size(); i++) {
                String at = path + "[" + i + "]";
                LocalDate from = date(nodes.get(i), "from", at);
                LocalDate until = date(nodes.get(i), "until", at);
                if (from != null && until != null && !until.isAfter(from)) {
                    problems.add(at + ": until " + until + " is not after from " + from);
                    until = null;
                }
                String code = text(nodes.get(i), "code", at);
                parties.add(new Party(code, text(nodes.get(i), "name", at), from, until, areas(nodes.get(i).get("areas"), at + ".areas", code, sectorIds)));
            }
            return parties;
        }

        /**
         * An issuer's areas of responsibility. An invalid area is reported (file, JSON path, party code,
         * field) and left out, so the rest of the file is still checked in the same pass.
         */
        private List<Area> areas(JsonNode nodes, String path, String code, Set<String> sectorIds) {
            List<Area> areas = new ArrayList<>();
            if (nodes == null || nodes.isNull()) {
                return areas;
            }
            if (!nodes.isArray()) {
                problems.add(path + " (" + code + "): must be a list of areas ({\"sectors\": [...], \"from\", \"until\", \"source\"})");
                return areas;
            }
            for (int i = 0; i < nodes.size(); i++) {
                String at = path + "[" + i + "]";
                JsonNode node = nodes.get(i);
                int before = problems.size();
                List<String> sectors = new ArrayList<>();
                JsonNode sectorNodes = node.path("sectors");
                if (!sectorNodes.isArray() || sectorNodes.isEmpty()) {
                    problems.add(at + ".sectors (" + code + "): an area needs a non-empty list of sector ids");
                }
                for (int s = 0; s < sectorNodes.size(); s++) {
                    String sector = sectorNodes.get(s).asText();
                    if (!sectorIds.contains(sector)) {
                        problems.add(at + ".sectors[" + s + "] (" + code + "): unknown sector " + sector);
                    }
                    sectors.add(sector);
                }
                LocalDate from = date(node, "from", at, code);
                LocalDate until = date(node, "until", at, code);
                if (from != null && until != null && !until.isAfter(from)) {
                    problems.add(at + ".until (" + code + "): " + until + " is not after from " + from);
                }
                JsonNode source = node.get("source");
                if (source == null || !source.isTextual() || source.asText().isBlank()) {
                    problems.add(at + ".source (" + code + "): missing: say where the sectors and dates come from");
                }
                if (problems.size() == before) {
                    areas.add(new Area(sectors, from, until, source.asText()));
                }
            }
            return areas;
        }

        List<Place> places(JsonNode nodes, ConflictDefinition conflict) {
            if (!nodes.isArray()) {
                problems.add("$.places: missing or not an array");
                return List.of();
            }
            Map<String, List<String>> namesById = new HashMap<>();
            for (JsonNode node : nodes) {
                List<String> names = new ArrayList<>();
                node.path("names").forEach(name -> names.add(name.asText()));
                namesById.putIfAbsent(node.path("id").asText(), names);
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
                List<String> listed = new ArrayList<>();
                node.path("names").forEach(name -> listed.add(name.asText()));
                if (listed.isEmpty() || listed.stream().anyMatch(String::isBlank)) {
                    problems.add(path + ".names (" + id + "): needs at least one name and no blank ones");
                }
                List<String> districts = new ArrayList<>();
                JsonNode districtNodes = node.path("districts");
                for (int d = 0; d < districtNodes.size(); d++) {
                    String district = districtNodes.get(d).asText();
                    if (!namesById.containsKey(district) || district.equals(id)) {
                        problems.add(path + ".districts[" + d + "] (" + id + "): " + district + " is not another place of this file");
                    } else {
                        districts.add(district);
                    }
                }
                // A namesake of a better-known place is listed only with its district: "Ağdam (Tovuz)".
                boolean qualifiedOnly = node.path("qualified_only").asBoolean(false);
                if (qualifiedOnly && districts.isEmpty()) {
                    problems.add(path + ".qualified_only (" + id + "): a place listed only with its district needs districts");
                }
                List<String> names = new ArrayList<>(qualifiedOnly ? List.of() : listed);
                for (String district : districts) {
                    names.addAll(qualifiedNames(listed, namesById.get(district)));
                }
                Double latitude = coordinate(node, "latitude", path, id, 90);
                Double longitude = coordinate(node, "longitude", path, id, 180);
                if ((latitude == null) != (longitude == null)) {
                    problems.add(path + " (" + id + "): latitude and longitude go together");
                }
                String precision = node.hasNonNull("precision") ? node.get("precision").asText() : null;
                if (precision != null && !PRECISIONS.contains(precision)) {
                    problems.add(path + ".precision (" + id + "): " + precision + " is not one of " + new java.util.TreeSet<>(PRECISIONS));
                }
                String source = node.hasNonNull("source") ? node.get("source").asText() : null;
                notes.put(id, new PlaceNotes(List.copyOf(listed), List.copyOf(districts), control(node.path("control"), path + ".control", id, conflict), source));
                places.add(new Place(id, conflict.id(), names.stream().distinct().toList(),
                        assignments(node.path("sectors"), path + ".sectors", id, conflict), latitude, longitude, precision));
            }
            return places;
        }

        /** "Ağdam (Tovuz)": each name qualified by each district name of the same script. */
        private static List<String> qualifiedNames(List<String> names, List<String> districtNames) {
            List<String> qualified = new ArrayList<>();
            for (String name : names) {
                for (String district : districtNames) {
                    if (!name.contains("(") && !district.contains("(") && sameScript(name, district)) {
                        qualified.add(name + " (" + district + ")");
                    }
                }
            }
            return qualified;
        }

        private static boolean sameScript(String a, String b) {
            return !a.isEmpty() && !b.isEmpty()
                    && Character.UnicodeScript.of(a.codePointAt(0)) == Character.UnicodeScript.of(b.codePointAt(0));
        }

        private Double coordinate(JsonNode node, String field, String path, String id, double limit) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isNumber() || Math.abs(value.asDouble()) > limit) {
                problems.add(path + "." + field + " (" + id + "): " + value + " is not a number of degrees within ±" + (int) limit);
                return null;
            }
            return value.asDouble();
        }

        private List<Control> control(JsonNode nodes, String path, String id, ConflictDefinition conflict) {
            List<Control> control = new ArrayList<>();
            List<SectorAssignment> periods = new ArrayList<>();
            for (int i = 0; i < nodes.size(); i++) {
                String at = path + "[" + i + "]";
                String side = text(nodes.get(i), "side", at);
                if (!side.equals(conflict.sideOne().id()) && !side.equals(conflict.sideTwo().id())) {
                    problems.add(at + ".side (" + id + "): unknown side " + side);
                }
                LocalDate from = date(nodes.get(i), "from", at);
                LocalDate until = date(nodes.get(i), "until", at);
                control.add(new Control(side, from, until));
                periods.add(new SectorAssignment(side, from, until));
            }
            checkNoOverlap(periods, path, id, "control periods overlap");
            return List.copyOf(control);
        }

        NameRules nameRules(JsonNode node, String path) {
            if (node.isMissingNode() || node.isNull()) {
                return NameRules.NONE;
            }
            List<LanguageRules> languages = new ArrayList<>();
            JsonNode nodes = node.path("languages");
            for (int i = 0; i < nodes.size(); i++) {
                String at = path + ".languages[" + i + "]";
                JsonNode language = nodes.get(i);
                String id = text(language, "id", at);
                Character.UnicodeScript script;
                try {
                    script = Character.UnicodeScript.forName(text(language, "script", at));
                } catch (IllegalArgumentException e) {
                    problems.add(at + ".script: " + language.path("script").asText() + " is not a Unicode script name (LATIN, CYRILLIC, ARMENIAN, ...)");
                    continue;
                }
                languages.add(LanguageRules.of(id, script, strings(language.path("generic_words")), strings(language.path("district_words")),
                        strings(language.path("conjunctions")),
                        endings(language.path("case_endings")), table(language.path("folding")), table(language.path("transliteration")),
                        language.path("min_stem").asInt(3)));
            }
            return new NameRules(languages);
        }

        private static List<String> strings(JsonNode array) {
            List<String> values = new ArrayList<>();
            array.forEach(value -> values.add(value.asText()));
            return values;
        }

        /** {"ending": "replacement"} or {"ending": ["replacement", ...]}. */
        private static Map<String, List<String>> endings(JsonNode object) {
            Map<String, List<String>> table = new LinkedHashMap<>();
            object.properties().forEach(entry -> table.put(entry.getKey(),
                    entry.getValue().isArray() ? strings(entry.getValue()) : List.of(entry.getValue().asText())));
            return table;
        }

        private static Map<String, String> table(JsonNode object) {
            Map<String, String> table = new LinkedHashMap<>();
            object.properties().forEach(entry -> table.put(entry.getKey(), entry.getValue().asText()));
            return table;
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
            if (!nodes.isArray()) {
                problems.add(path + " (" + placeId + "): a place needs a list of sectors (empty for a place in no sector)");
            }
            checkNoOverlap(assignments, path, placeId, "sector periods overlap");
            return assignments;
        }

        private void checkNoOverlap(List<SectorAssignment> assignments, String path, String placeId, String problem) {
            List<SectorAssignment> sorted = new ArrayList<>(assignments);
            sorted.sort(Comparator.comparing(a -> a.getValidFrom() == null ? LocalDate.MIN : a.getValidFrom()));
            for (int i = 1; i < sorted.size(); i++) {
                LocalDate previousUntil = sorted.get(i - 1).getValidUntil();
                LocalDate from = sorted.get(i).getValidFrom();
                if (previousUntil == null || from == null || from.isBefore(previousUntil)) {
                    problems.add(path + " (" + placeId + "): " + problem);
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
            return date(node, field, path, null);
        }

        /** A date field; {@code owner} (a party code), when given, is named in the problem too. */
        private LocalDate date(JsonNode node, String field, String path, String owner) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            try {
                return LocalDate.parse(value.asText());
            } catch (DateTimeParseException e) {
                problems.add(path + "." + field + (owner == null ? "" : " (" + owner + ")") + ": " + value.asText() + " is not a date (YYYY-MM-DD)");
                return null;
            }
        }
    }
}
