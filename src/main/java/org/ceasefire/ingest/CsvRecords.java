package org.ceasefire.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text (RFC 4180: comma separated, fields optionally in double quotes, {@code ""} for a
 * quote inside quotes, quoted fields may span lines) into records, remembering the line each
 * record starts on and its original text.
 */
final class CsvRecords {
    /** One CSV record: the line it starts on, its text as written, its cells, and whether its quotes were balanced. */
    record Row(long line, String original, List<String> cells, boolean unterminatedQuote) {
    }

    private final BufferedReader in;
    private long lineNumber;

    CsvRecords(BufferedReader in) {
        this.in = in;
    }

    /** The next non-blank record, or null at the end. */
    Row next() throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            if (!line.isBlank()) {
                return record(line);
            }
        }
        return null;
    }

    private Row record(String firstLine) throws IOException {
        long start = lineNumber;
        StringBuilder text = new StringBuilder(firstLine);
        while (insideQuotes(text)) {
            String more = in.readLine();
            if (more == null) {
                return new Row(start, text.toString(), split(text), true);
            }
            lineNumber++;
            text.append('\n').append(more);
        }
        return new Row(start, text.toString(), split(text), false);
    }

    private static boolean insideQuotes(CharSequence text) {
        boolean inside = false;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '"') {
                inside = !inside;
            }
        }
        return inside;
    }

    static List<String> split(CharSequence text) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
