package org.ceasefire.query;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Writes a list of the API's JSON objects as CSV with the same fields: nested objects become
 * dotted columns ({@code side_one.statement_id}), arrays of plain values are joined with "; ",
 * other arrays are written as their JSON. The columns are every field met, in the order met.
 */
final class CsvExport {
    private CsvExport() {
    }

    static String of(JsonNode items) {
        List<Map<String, String>> rows = new ArrayList<>();
        Set<String> columns = new LinkedHashSet<>();
        for (JsonNode item : items) {
            Map<String, String> row = new LinkedHashMap<>();
            flatten("", item, row);
            columns.addAll(row.keySet());
            rows.add(row);
        }
        // A null object in one row and the same object's fields in another: keep only the fields.
        columns.removeIf(column -> columns.stream().anyMatch(other -> other.startsWith(column + ".")));
        StringBuilder csv = new StringBuilder(line(new ArrayList<>(columns)));
        for (Map<String, String> row : rows) {
            csv.append(line(columns.stream().map(column -> row.getOrDefault(column, "")).toList()));
        }
        return csv.toString();
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> row) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), row);
            }
        } else if (node.isArray()) {
            boolean plain = true;
            List<String> values = new ArrayList<>();
            for (JsonNode element : node) {
                plain &= element.isValueNode();
                values.add(element.asText());
            }
            row.put(prefix, plain ? String.join("; ", values) : node.toString());
        } else {
            row.put(prefix, node.isNull() ? "" : node.asText());
        }
    }

    private static String line(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(field(fields.get(i)));
        }
        return line.append("\r\n").toString();
    }

    /** RFC 4180 quoting; text starting with = + - @ gets a leading ' so that a spreadsheet never runs it as a formula. */
    static String field(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+(\\.\\d+)?")) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
