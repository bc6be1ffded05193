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

    /** The start of a text; never cuts a character outside the BMP in half (half of one cannot be printed). */
    static String abbreviate(String text) {
        if (text.length() <= MAX_SHOWN) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_SHOWN - 1)) ? MAX_SHOWN - 1 : MAX_SHOWN;
        return text.substring(0, end) + "...";
    }
}
