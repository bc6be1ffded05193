package org.ceasefire.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.util.Locale;

/** The formats {@code ingest} reads. AUTO decides by the file name, and failing that by the first character. */
public enum InputFormat {
    JSONL, CSV, AUTO;

    /** The concrete format of an input: by extension, else JSON Lines when the text starts with '{'. */
    public InputFormat resolve(String name, BufferedInputStream in) throws IOException {
        if (this != AUTO) {
            return this;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return CSV;
        }
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".json")) {
            return JSONL;
        }
        return startsWithBrace(in) ? JSONL : CSV;
    }

    private static boolean startsWithBrace(BufferedInputStream in) throws IOException {
        in.mark(4096);
        try {
            for (int i = 0; i < 4096; i++) {
                int b = in.read();
                if (b < 0) {
                    return true;
                }
                // Skip whitespace and a UTF-8 byte order mark.
                if (!Character.isWhitespace(b) && b != 0xEF && b != 0xBB && b != 0xBF) {
                    return b == '{';
                }
            }
            return true;
        } finally {
            in.reset();
        }
    }
}
