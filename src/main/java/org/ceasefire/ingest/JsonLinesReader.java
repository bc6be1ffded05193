package org.ceasefire.ingest;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ceasefire.contract.Violation;

/**
 * Reads JSON Lines: one JSON object per line; blank lines are skipped but still counted for line
 * numbers. The lines themselves come from {@link InputLines}, which refuses over-long and non-UTF-8
 * lines; this reader also refuses an escape such as backslash-u-d800 that leaves half a surrogate pair,
 * since no encoder could put it on the topic unaltered.
 */
public final class JsonLinesReader implements RecordReader {
    /** The pseudo-field that problems of a whole record are reported under. */
    public static final String RECORD = "(record)";

    /** Strict: a second value after the object, or a field given twice, would otherwise be silently dropped. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    /** Jackson's description of a character, which shows half a surrogate pair for anything outside the BMP. */
    private static final Pattern CHARACTER = Pattern.compile("'.{1,2}' \\(code (\\d+) / 0x[0-9a-fA-F]+\\)", Pattern.DOTALL);

    private final InputLines in;
    private final String source;

    public JsonLinesReader(InputLines in, String source) {
        this.in = in;
        this.source = source;
    }

    @Override
    public RawRecord next() throws IOException {
        InputLines.Line line;
        while ((line = in.next()) != null) {
            if (line.refused()) {
                return problem(line, line.problem());
            }
            if (!line.text().isBlank()) {
                return parse(line);
            }
        }
        return null;
    }

    private RawRecord parse(InputLines.Line line) {
        JsonNode node;
        try {
            node = JSON.readTree(line.text());
        } catch (JsonProcessingException e) {
            return problem(line, "not valid JSON: " + describe(e, line.text()));
        }
        if (!(node instanceof ObjectNode object)) {
            return problem(line, "expected a JSON object, got " + JsonTypes.describe(node));
        }
        String halfPair = halfSurrogatePair(object, "");
        if (halfPair != null) {
            return new RawRecord(source, line.number(), line.from(), line.to(), line.text(), true, null,
                    List.of(new Violation(halfPair, "contains an escape such as \\ud800 that is half of a surrogate pair, not a character")));
        }
        return new RawRecord(source, line.number(), line.from(), line.to(), line.text(), true, object, List.of());
    }

    /** The path of the first name or text holding half a surrogate pair, or null. */
    private static String halfSurrogatePair(JsonNode node, String path) {
        if (node.isTextual()) {
            return hasHalfPair(node.textValue()) ? path : null;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = halfSurrogatePair(node.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (hasHalfPair(field.getKey())) {
                    return TerminalText.safe(name);
                }
                String found = halfSurrogatePair(field.getValue(), name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static boolean hasHalfPair(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** Jackson's reason with the character as a code point (U+1F600) and the column it is at. */
    private static String describe(JsonProcessingException e, String line) {
        String reason = e.getOriginalMessage();
        JsonLocation location = e.getLocation();
        long at = location == null ? -1 : location.getCharOffset();
        Matcher character = CHARACTER.matcher(reason);
        if (character.find()) {
            int code = Integer.parseInt(character.group(1));
            if (Character.isHighSurrogate((char) code) && at >= 0 && at < line.length()) {
                code = line.codePointAt((int) at);
            }
            reason = reason.substring(0, character.start()) + String.format("U+%04X", code) + reason.substring(character.end());
        }
        if (at >= 0 && at <= line.length()) {
            reason += " (at column " + (line.codePointCount(0, (int) at) + 1) + ")";
        }
        return reason;
    }

    private RawRecord problem(InputLines.Line line, String reason) {
        return new RawRecord(source, line.number(), line.from(), line.to(), line.shown(), !line.refused(), null,
                List.of(new Violation(RECORD, reason)));
    }

    @Override
    public void close() {
        // The input stream belongs to the caller, which closes it.
    }
}
