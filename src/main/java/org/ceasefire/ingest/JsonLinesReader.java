package org.ceasefire.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ceasefire.contract.Violation;

/** Reads JSON Lines: one JSON object per line; blank lines are skipped but still counted for line numbers. */
public final class JsonLinesReader implements RecordReader {
    /** The pseudo-field that problems of a whole record are reported under. */
    public static final String RECORD = "(record)";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BufferedReader in;
    private final String source;
    private long lineNumber;

    public JsonLinesReader(BufferedReader in, String source) {
        this.in = in;
        this.source = source;
    }

    @Override
    public RawRecord next() throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            if (!line.isBlank()) {
                return parse(line);
            }
        }
        return null;
    }

    private RawRecord parse(String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return problem(line, "not valid JSON: " + e.getOriginalMessage());
        }
        if (!(node instanceof ObjectNode object)) {
            return problem(line, "expected a JSON object, got " + JsonTypes.describe(node));
        }
        return new RawRecord(source, lineNumber, line, object, List.of());
    }

    private RawRecord problem(String line, String reason) {
        return new RawRecord(source, lineNumber, line, null, List.of(new Violation(RECORD, reason)));
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
