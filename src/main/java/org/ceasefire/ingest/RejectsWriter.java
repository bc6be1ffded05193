package org.ceasefire.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
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
 * {@code {"source": "in.jsonl", "line": 3, "bytes": {"from": 812, "to": 1204}, "original": "<the line as read>",
 * "reasons": ["field: reason", ...]}}. A line refused unread (too long, not UTF-8) has an {@code "excerpt"}
 * of its start instead of its {@code "original"}; its bytes in the input say where the whole of it is.
 * Text is written as UTF-8 whatever it holds, so no input can make the rejects file fail.
 * The file is created (or replaced) at the first rejection only; a clean run removes the file an earlier
 * run of the same input may have left, so a rejects file always belongs to the latest run.
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
        ObjectNode bytes = node.putObject("bytes");
        bytes.put("from", rejection.fromByte());
        bytes.put("to", rejection.toByte());
        node.put(rejection.complete() ? "original" : "excerpt", rejection.original());
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
                // Unlike Files.newBufferedWriter, this writer replaces what cannot be encoded instead of failing.
                out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8));
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
        try {
            if (out != null) {
                out.close();
            } else {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close or remove the rejects file " + file, e);
        }
    }
}
