package org.ceasefire.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ceasefire.contract.Violation;

/**
 * Writes rejected records to a JSON Lines file, one object per rejection:
 * {@code {"source": "in.jsonl", "line": 3, "original": "<the line as read>", "reasons": ["field: reason", ...]}}.
 * The file is created (or replaced) at the first rejection only, so a clean run leaves no file behind.
 */
public final class RejectsWriter implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private BufferedWriter out;
    private long written;

    public RejectsWriter(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public long written() {
        return written;
    }

    public void write(Rejection rejection) {
        ObjectNode node = JSON.createObjectNode();
        node.put("source", rejection.source());
        node.put("line", rejection.line());
        node.put("original", rejection.original());
        ArrayNode reasons = node.putArray("reasons");
        for (Violation reason : rejection.reasons()) {
            reasons.add(reason.toString());
        }
        try {
            if (out == null) {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            }
            out.write(JSON.writeValueAsString(node));
            out.write('\n');
            written++;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the rejects file " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot close the rejects file " + file, e);
            }
        }
    }
}
