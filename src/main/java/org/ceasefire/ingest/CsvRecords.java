package org.ceasefire.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text (RFC 4180: comma separated, fields optionally in double quotes, {@code ""} for a
 * quote inside quotes, quoted fields may span lines) into records, remembering the line each
 * record starts on, the bytes it occupies and its original text. A record is bounded like a line:
 * an unclosed quote cannot make the rest of the input one record held in memory.
 */
final class CsvRecords {
    /**
     * One CSV record: the line it starts on, its bytes {@code [from, to)}, its text as written (only
     * its start when not {@code complete}), its cells (null when it could not be split) and its
     * problem (null when there is none).
     */
    record Row(long line, long from, long to, String original, boolean complete, List<String> cells, String problem) {
    }

    private final InputLines in;

    CsvRecords(InputLines in) {
        this.in = in;
    }

    /** The next non-blank record, or null at the end. */
    Row next() throws IOException {
        InputLines.Line line;
        while ((line = in.next()) != null) {
            if (line.refused()) {
                return new Row(line.number(), line.from(), line.to(), line.excerpt(), false, null, line.problem());
            }
            if (!line.text().isBlank()) {
                return record(line);
            }
        }
        return null;
    }

    private Row record(InputLines.Line first) throws IOException {
        StringBuilder text = new StringBuilder(first.text());
        long to = first.to();
        boolean insideQuotes = oddQuotes(first.text());
        while (insideQuotes) {
            InputLines.Line more = in.next();
            if (more == null) {
                return new Row(first.number(), first.from(), to, text.toString(), true, split(text),
                        "a quoted cell is not closed before the end of the input");
            }
            if (more.refused()) {
                return new Row(first.number(), first.from(), more.to(), excerpt(text), false, null,
                        "its line " + more.number() + ", inside a quoted cell: " + more.problem());
            }
            to = more.to();
            text.append('\n').append(more.text());
            insideQuotes ^= oddQuotes(more.text());
            if (text.length() > in.maxLineBytes()) {
                return new Row(first.number(), first.from(), to, excerpt(text), false, null, "a quoted cell is still open after "
                        + in.maxLineBytes() + " characters (bytes " + first.from() + "-" + to + " of the input); "
                        + "reading goes on with the next line");
            }
        }
        return new Row(first.number(), first.from(), to, text.toString(), true, split(text), null);
    }

    private static String excerpt(CharSequence text) {
        return JsonTypes.abbreviate(text.toString());
    }

    /** Whether a line opens or closes a quoted cell: each quote toggles, and {@code ""} toggles twice. */
    private static boolean oddQuotes(CharSequence text) {
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
