package org.ceasefire.audit;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.ceasefire.avro.StatementRef;

/**
 * Writes an audit report into a folder: JSON and CSV of the tallies and contradictions, the
 * rejected, late and unresolved statements, a trace of every statement's position in the log, a
 * Markdown summary, and the SHA-256 digest. Output is byte-identical for the same results on any
 * machine: keys in {@link ResultTable#KEY_ORDER}, "\n" line ends, no run times or host names inside.
 * Every file is written as its table is read, so a report of any size needs little memory.
 */
public final class ReportWriter {
    /** The digest covers exactly these files, concatenated in this order. */
    public static final List<String> DIGESTED_FILES = List.of("tallies.json", "contradictions.json");

    // Not flushed after every value: the arrays hold millions of them.
    private static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    private static final List<String> PERIOD_FIELDS = List.of("sector", "period_kind", "period_start", "period_end");

    private ReportWriter() {
    }

    /** Writes the report and returns the digest (hex). */
    public static String write(Path folder, AuditResults results, long statements, String title) {
        try {
            Files.createDirectories(folder);
            MessageDigest sha = sha256();
            writeJsonArray(folder.resolve("tallies.json"), sha, json -> results.tallies().forEach((key, tally) -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("key", key);
                entry.putAll(CanonicalForm.of(tally));
                json.accept(entry);
            }));
            writeJsonArray(folder.resolve("contradictions.json"), sha,
                    json -> results.contradictions().forEach((id, pair) -> json.accept(CanonicalForm.of(pair))));
            String digest = HexFormat.of().formatHex(sha.digest());
            Files.writeString(folder.resolve("digest.txt"), "sha256:" + digest + "\n");
            writeTalliesCsv(folder.resolve("tallies.csv"), results);
            writeContradictionsCsv(folder.resolve("contradictions.csv"), results);
            try (CsvFile csv = new CsvFile(folder.resolve("rejected.csv"), List.of("key", "partition", "offset", "reason"))) {
                results.rejected().forEach(r -> csv.row(List.of(r.key(), String.valueOf(r.partition()), String.valueOf(r.offset()), r.reason())));
            }
            try (CsvFile csv = new CsvFile(folder.resolve("late.csv"), List.of("statement_id"))) {
                results.late().forEach(id -> csv.row(List.of(id)));
            }
            try (CsvFile csv = new CsvFile(folder.resolve("unresolved.csv"), List.of("place_as_written", "statements"))) {
                results.unresolvedPlaces().forEach((name, count) -> csv.row(List.of(name, String.valueOf(count))));
            }
            // trace.csv is streamed by StatementTraceWriter while the log is read.
            Files.writeString(folder.resolve("summary.md"), SummaryMarkdown.render(title, results, statements, digest));
            return digest;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the audit report to " + folder + ": " + e.getMessage(), e);
        }
    }

    /** A pretty-printed JSON array of the objects {@code items} hands over, written to the file and into the digest. */
    private static void writeJsonArray(Path file, MessageDigest sha, Consumer<Consumer<Object>> items) throws IOException {
        try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(file)), sha);
             JsonGenerator json = MAPPER.getFactory().createGenerator(out)) {
            json.setPrettyPrinter(PRETTY.createInstance()); // it counts nesting: one per file
            json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            json.writeStartArray();
            items.accept(item -> {
                try {
                    MAPPER.writeValue(json, item);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
                }
            });
            json.writeEndArray();
            json.flush();
            out.write('\n');
        }
    }

    private static void writeTalliesCsv(Path file, AuditResults results) {
        try (CsvFile csv = new CsvFile(file, List.of("key", "sector", "period_kind", "period_start", "period_end", "metric", "value"))) {
            results.tallies().forEach((key, t) -> CanonicalForm.flatten(CanonicalForm.of(t)).forEach((metric, value) -> {
                if (!PERIOD_FIELDS.contains(metric)) {
                    csv.row(List.of(key, t.getSector(), String.valueOf(t.getPeriodKind()),
                            String.valueOf(t.getPeriodStart()), String.valueOf(t.getPeriodEnd()), metric, String.valueOf(value)));
                }
            }));
        }
    }

    private static void writeContradictionsCsv(Path file, AuditResults results) {
        try (CsvFile csv = new CsvFile(file, List.of("pair_id", "kind", "sector", "incident_start", "corroborated",
                "side_one_statement", "side_one_revision", "side_one_issuer", "side_one_location", "side_one_source_url",
                "side_two_statement", "side_two_revision", "side_two_issuer", "side_two_location", "side_two_source_url"))) {
            results.contradictions().forEach((id, c) -> {
                List<String> row = new ArrayList<>(List.of(c.getPairId(), String.valueOf(c.getKind()), c.getSector(),
                        String.valueOf(c.getIncidentStart()), String.valueOf(c.getCorroborated())));
                row.addAll(ref(c.getSideOne()));
                row.addAll(ref(c.getSideTwo()));
                csv.row(row);
            });
        }
    }

    private static List<String> ref(StatementRef s) {
        return List.of(s.getStatementId(), String.valueOf(s.getRevision()), s.getIssuer(), s.getLocation(),
                s.getSourceUrl() == null ? "" : s.getSourceUrl());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
