package org.ceasefire.ingest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.DateTimeException;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ceasefire.avro.Casualty;
import org.ceasefire.avro.TimePrecision;
import org.ceasefire.avro.ClaimType;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.contract.Violation;

/**
 * Turns the fields of one record (a JSON object, or a CSV row converted to one) into a
 * {@link MinistryStatement}, checking the shape of the input: unknown fields, missing required
 * fields, wrong JSON types and times without an offset. It reports every problem, not just the
 * first, so that a line can be fixed in one go. The contract's rules about values (party codes,
 * claim combinations, lengths) are {@link org.ceasefire.contract.StatementValidator}'s job.
 */
public final class StatementParser {
    /** The contract's fields, in the order of the contract. */
    public static final List<String> FIELDS = List.of("statement_id", "revision", "retracted", "issuer", "issuer_body",
            "published_at", "incident_start", "incident_end", "claim", "accused", "location", "refers_to", "weapons",
            "casualties", "source_url", "language", "text", "updates", "time_precision");
    private static final Set<String> KNOWN = Set.copyOf(FIELDS);
    private static final Set<String> CASUALTY_FIELDS = Set.of("party", "killed", "wounded", "civilian", "captured", "missing");
    private static final List<String> CLAIMS = List.of("ACCUSATION", "DENIAL", "CALM", "OBSERVATION");

    public static final String MISSING = "required field is missing";

    public ParsedStatement parse(ObjectNode fields) {
        Fields f = new Fields(fields);
        for (Iterator<String> names = fields.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KNOWN.contains(name)) {
                f.problems.add(new Violation(name, "unknown field"));
            }
        }
        // Values are collected first: the generated builder refuses nulls, and a line with problems has some.
        String statementId = f.requiredText("statement_id");
        int revision = f.optionalInt("revision", 1);
        boolean retracted = f.optionalBoolean("retracted");
        String issuer = f.requiredText("issuer");
        String issuerBody = f.optionalText("issuer_body");
        Instant publishedAt = f.time("published_at", true);
        Instant incidentStart = f.time("incident_start", true);
        Instant incidentEnd = f.time("incident_end", false);
        ClaimType claim = f.claim();
        String accused = f.optionalText("accused");
        String location = f.optionalText("location");
        String refersTo = f.optionalText("refers_to");
        List<String> weapons = f.weapons();
        List<Casualty> casualties = f.casualties();
        String sourceUrl = f.optionalText("source_url");
        String language = f.optionalText("language");
        String text = f.optionalText("text");
        String updates = f.optionalText("updates");
        TimePrecision timePrecision = f.timePrecision();
        if (!f.problems.isEmpty()) {
            return new ParsedStatement(null, sortedByContract(f.problems));
        }
        return new ParsedStatement(new MinistryStatement(statementId, revision, retracted, issuer, issuerBody, publishedAt,
                incidentStart, incidentEnd, claim, accused, location == null ? "" : location, refersTo, weapons, casualties,
                sourceUrl, language, text, updates, timePrecision), List.of());
    }

    /** Problems in the order of the contract's fields, unknown fields last, so messages read predictably. */
    private static List<Violation> sortedByContract(List<Violation> problems) {
        List<Violation> sorted = new ArrayList<>(problems);
        sorted.sort(java.util.Comparator.comparingInt(v -> {
            String base = v.field().contains("[") ? v.field().substring(0, v.field().indexOf('[')) : v.field();
            int index = FIELDS.indexOf(base);
            return index < 0 ? FIELDS.size() : index;
        }));
        return sorted;
    }

    /** Reads fields of one object and collects what is wrong with them. */
    private static final class Fields {
        private final ObjectNode node;
        private final List<Violation> problems = new ArrayList<>();

        Fields(ObjectNode node) {
            this.node = node;
        }

        /** A value that is absent or JSON null counts as not given. */
        private JsonNode given(String field) {
            JsonNode value = node.get(field);
            return value == null || value.isNull() ? null : value;
        }

        String requiredText(String field) {
            JsonNode value = given(field);
            if (value == null) {
                problems.add(new Violation(field, MISSING));
                return null;
            }
            return text(field, value);
        }

        String optionalText(String field) {
            JsonNode value = given(field);
            return value == null ? null : text(field, value);
        }

        private String text(String field, JsonNode value) {
            if (!value.isTextual()) {
                problems.add(wrongType(field, "a string", value));
                return null;
            }
            return value.asText();
        }

        int optionalInt(String field, int absent) {
            JsonNode value = given(field);
            if (value == null) {
                return absent;
            }
            if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                problems.add(wrongType(field, "an integer", value));
                return absent;
            }
            return value.intValue();
        }

        boolean optionalBoolean(String field) {
            JsonNode value = given(field);
            if (value == null) {
                return false;
            }
            if (!value.isBoolean()) {
                problems.add(wrongType(field, "true or false", value));
                return false;
            }
            return value.booleanValue();
        }

        Instant time(String field, boolean required) {
            String text = required ? requiredText(field) : optionalText(field);
            if (text == null) {
                return null;
            }
            try {
                return IsoTimes.parse(text);
            } catch (DateTimeException e) {
                problems.add(new Violation(field, timeProblem(text)));
                return null;
            }
        }

        private static String timeProblem(String text) {
            try {
                LocalDateTime.parse(text);
                return "'" + JsonTypes.abbreviate(text) + "' has no UTC offset: add Z or one like +04:00";
            } catch (DateTimeParseException e) {
                return "'" + JsonTypes.abbreviate(text) + "' is not an ISO-8601 time with an offset, like 2023-04-11T13:10:00+04:00";
            }
        }

        ClaimType claim() {
            String text = requiredText("claim");
            if (text == null) {
                return null;
            }
            if (!CLAIMS.contains(text)) {
                problems.add(new Violation("claim", "'" + JsonTypes.abbreviate(text) + "' is not one of " + String.join(", ", CLAIMS)));
                return null;
            }
            return ClaimType.valueOf(text);
        }

        /** {@code time_precision}: one of the symbols; absent means EXACT. */
        TimePrecision timePrecision() {
            String text = optionalText("time_precision");
            if (text == null) {
                return TimePrecision.EXACT;
            }
            for (TimePrecision precision : TimePrecision.values()) {
                if (precision.name().equals(text)) {
                    return precision;
                }
            }
            problems.add(new Violation("time_precision", "'" + JsonTypes.abbreviate(text) + "' is not one of "
                    + java.util.Arrays.stream(TimePrecision.values()).map(Enum::name).collect(java.util.stream.Collectors.joining(", "))));
            return TimePrecision.EXACT;
        }

        List<String> weapons() {
            JsonNode value = given("weapons");
            List<String> weapons = new ArrayList<>();
            if (value == null) {
                return weapons;
            }
            if (!value.isArray()) {
                problems.add(wrongType("weapons", "an array of strings", value));
                return weapons;
            }
            for (int i = 0; i < value.size(); i++) {
                JsonNode weapon = value.get(i);
                if (weapon.isTextual()) {
                    weapons.add(weapon.asText());
                } else {
                    problems.add(wrongType("weapons[" + i + "]", "a string", weapon));
                }
            }
            return weapons;
        }

        List<Casualty> casualties() {
            JsonNode value = given("casualties");
            List<Casualty> casualties = new ArrayList<>();
            if (value == null) {
                return casualties;
            }
            if (!value.isArray()) {
                problems.add(wrongType("casualties", "an array of objects", value));
                return casualties;
            }
            for (int i = 0; i < value.size(); i++) {
                Casualty casualty = casualty("casualties[" + i + "]", value.get(i));
                if (casualty != null) {
                    casualties.add(casualty);
                }
            }
            return casualties;
        }

        private Casualty casualty(String path, JsonNode value) {
            if (!(value instanceof ObjectNode object)) {
                problems.add(wrongType(path, "an object", value));
                return null;
            }
            for (Map.Entry<String, JsonNode> entry : object.properties()) {
                if (!CASUALTY_FIELDS.contains(entry.getKey())) {
                    problems.add(new Violation(path + "." + entry.getKey(), "unknown field"));
                }
            }
            Fields inner = new Fields(object);
            String party = inner.requiredText("party");
            int killed = inner.optionalInt("killed", 0);
            int wounded = inner.optionalInt("wounded", 0);
            boolean civilian = inner.optionalBoolean("civilian");
            int captured = inner.optionalInt("captured", 0);
            int missing = inner.optionalInt("missing", 0);
            for (Violation problem : inner.problems) {
                problems.add(new Violation(path + "." + problem.field(), problem.reason()));
            }
            return inner.problems.isEmpty() ? new Casualty(party, killed, wounded, civilian, captured, missing) : null;
        }

        private static Violation wrongType(String field, String expected, JsonNode value) {
            return new Violation(field, "expected " + expected + ", got " + JsonTypes.describe(value));
        }
    }
}
