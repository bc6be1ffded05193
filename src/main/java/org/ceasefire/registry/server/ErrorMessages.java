package org.ceasefire.registry.server;

import java.util.regex.Pattern;

/**
 * Error messages for clients in plain words: Java class names that libraries put in their
 * messages ("com.fasterxml.jackson.core.exc.StreamConstraintsException: String value length ...")
 * are cut, since they tell a client nothing and tell an attacker which libraries run here.
 */
final class ErrorMessages {

    /**
     * A fully qualified exception class name, optionally followed by ": ". Only names ending in
     * Exception or Error: schema names (org.ceasefire.avro.MinistryStatement) are the client's own words.
     */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b(?::\\s*)?");

    private ErrorMessages() {
    }

    static String plain(String message) {
        if (message == null || message.isBlank()) {
            return "no details";
        }
        String plain = CLASS_NAME.matcher(message).replaceAll("").trim();
        return plain.isEmpty() ? "no details" : plain;
    }
}
