package org.ceasefire.ingest;

import com.fasterxml.jackson.databind.JsonNode;

/** Describes a JSON value in an error message: its type and, abbreviated, the value itself. */
final class JsonTypes {
    private static final int MAX_SHOWN = 40;

    private JsonTypes() {
    }

    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        String type = switch (node.getNodeType()) {
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case ARRAY -> "array";
            case OBJECT -> "object";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
        if (node.isNull() || node.isContainerNode()) {
            return type;
        }
        return type + " " + abbreviate(node.toString());
    }

    static String abbreviate(String text) {
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "...";
    }
}
