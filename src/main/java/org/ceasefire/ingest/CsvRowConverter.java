package org.ceasefire.ingest;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ceasefire.contract.Violation;

/**
 * Reads the cells of one CSV row as the contract's fields.
 * <ul>
 *   <li>an empty cell means the field is not given;</li>
 *   <li>{@code revision} is an integer, {@code retracted} is {@code true} or {@code false};</li>
 *   <li>{@code weapons} is a list separated by {@code ;} ({@code small_arms;mortar});</li>
 *   <li>{@code casualties} is a list separated by {@code ;} of {@code PARTY:KILLED:WOUNDED:CIVILIAN:CAPTURED:MISSING},
 *       where the fields after KILLED may be left off from the right ({@code AM:4:6:false;AZ:3}): Armenia's figure of
 *       4 killed and 6 wounded service members, and 3 Azerbaijani killed; {@code AM:0:0:false:2:1} is 2 captured
 *       and 1 missing;</li>
 *   <li>every other cell is text.</li>
 * </ul>
 */
final class CsvRowConverter {
    static final String CASUALTY_FORMAT = "PARTY:KILLED:WOUNDED:CIVILIAN:CAPTURED:MISSING, like AM:4:6:false or AM:0:0:false:2:1";
    private static final Pattern CASUALTY = Pattern.compile(
            "([^:]+):(-?\\d{1,9})(?::(-?\\d{1,9})(?::(true|false)(?::(-?\\d{1,9})(?::(-?\\d{1,9}))?)?)?)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,9}");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    ObjectNode convert(List<String> header, List<String> cells, List<Violation> problems) {
        ObjectNode fields = NODES.objectNode();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            String cell = cells.get(i);
            if (cell.isEmpty() || !StatementParser.FIELDS.contains(name)) {
                // An unknown column is reported once per row by the reader, from the header.
                continue;
            }
            switch (name) {
                case "revision" -> integer(fields, name, cell, problems);
                case "retracted" -> bool(fields, name, cell, problems);
                case "weapons" -> fields.set(name, weapons(cell));
                case "casualties" -> fields.set(name, casualties(cell, problems));
                default -> fields.put(name, cell);
            }
        }
        return fields;
    }

    private static void integer(ObjectNode fields, String name, String cell, List<Violation> problems) {
        if (INTEGER.matcher(cell.trim()).matches()) {
            fields.put(name, Integer.parseInt(cell.trim()));
        } else {
            problems.add(new Violation(name, "'" + JsonTypes.abbreviate(cell) + "' is not an integer"));
        }
    }

    private static void bool(ObjectNode fields, String name, String cell, List<Violation> problems) {
        String value = cell.trim().toLowerCase(Locale.ROOT);
        if (value.equals("true") || value.equals("false")) {
            fields.put(name, Boolean.parseBoolean(value));
        } else {
            problems.add(new Violation(name, "'" + JsonTypes.abbreviate(cell) + "' is not true or false"));
        }
    }

    private static ArrayNode weapons(String cell) {
        ArrayNode list = NODES.arrayNode();
        for (String weapon : cell.split(";")) {
            if (!weapon.isBlank()) {
                list.add(weapon.trim());
            }
        }
        return list;
    }

    private static ArrayNode casualties(String cell, List<Violation> problems) {
        ArrayNode list = NODES.arrayNode();
        String[] entries = cell.split(";");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].trim();
            Matcher m = CASUALTY.matcher(entry);
            if (!m.matches()) {
                problems.add(new Violation("casualties[" + i + "]", "'" + JsonTypes.abbreviate(entry) + "' is not " + CASUALTY_FORMAT));
                continue;
            }
            ObjectNode casualty = list.addObject();
            casualty.put("party", m.group(1).trim());
            casualty.put("killed", Integer.parseInt(m.group(2)));
            casualty.put("wounded", m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
            casualty.put("civilian", m.group(4) != null && Boolean.parseBoolean(m.group(4).toLowerCase(Locale.ROOT)));
            casualty.put("captured", m.group(5) == null ? 0 : Integer.parseInt(m.group(5)));
            casualty.put("missing", m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
        }
        return list;
    }
}
