package org.ceasefire.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.SectorTally;
import org.ceasefire.avro.StatementRef;

/**
 * Writes an audit report into a folder: JSON and CSV of the tallies and contradictions, the
 * rejected, late and unresolved statements, a trace of every statement's position in the log, a
 * Markdown summary, and the SHA-256 digest. Output is byte-identical for the same results on any
 * machine: sorted keys, "\n" line ends, no run times or host names inside.
 */
public final class ReportWriter {
    /** The digest covers exactly these files, concatenated in this order. */
    public static final List<String> DIGESTED_FILES = List.of("tallies.json", "contradictions.json");

    private static final ObjectWriter JSON = new ObjectMapper().writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private ReportWriter() {
    }

    /** Writes the report and returns the digest (hex). */
    public static String write(Path folder, AuditResults results, long statements, String title) {
        try {
            Files.createDirectories(folder);
            byte[] tallies = json(talliesJson(results));
            byte[] contradictions = json(contradictionsJson(results));
            Files.write(folder.resolve("tallies.json"), tallies);
            Files.write(folder.resolve("contradictions.json"), contradictions);
            String digest = digest(tallies, contradictions);
            Files.writeString(folder.resolve("digest.txt"), "sha256:" + digest + "\n");
            writeCsv(folder.resolve("tallies.csv"), talliesCsv(results));
            writeCsv(folder.resolve("contradictions.csv"), contradictionsCsv(results));
            writeCsv(folder.resolve("rejected.csv"), rejectedCsv(results));
            writeCsv(folder.resolve("late.csv"), single("statement_id", results.late()));
            writeCsv(folder.resolve("unresolved.csv"), unresolvedCsv(results));
            // trace.csv is streamed by StatementTraceWriter while the log is read.
            Files.writeString(folder.resolve("summary.md"), SummaryMarkdown.render(title, results, statements, digest));
            return digest;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the audit report to " + folder + ": " + e.getMessage(), e);
        }
    }

    static String digest(byte[]... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                sha.update(part);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static byte[] json(Object value) throws JsonProcessingException {
        return (JSON.writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static List<Map<String, Object>> talliesJson(AuditResults results) {
        List<Map<String, Object>> list = new ArrayList<>();
        results.tallies().forEach((key, tally) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("key", key);
            entry.putAll(CanonicalForm.of(tally));
            list.add(entry);
        });
        return list;
    }

    private static List<Map<String, Object>> contradictionsJson(AuditResults results) {
        List<Map<String, Object>> list = new ArrayList<>();
        results.contradictions().values().forEach(pair -> list.add(CanonicalForm.of(pair)));
        return list;
    }

    private static List<List<String>> talliesCsv(AuditResults results) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("key", "sector", "period_kind", "period_start", "period_end", "metric", "value"));
        for (Map.Entry<String, SectorTally> entry : results.tallies().entrySet()) {
            SectorTally t = entry.getValue();
            Map<String, Object> flat = CanonicalForm.flatten(CanonicalForm.of(t));
            flat.forEach((metric, value) -> {
                if (!List.of("sector", "period_kind", "period_start", "period_end").contains(metric)) {
                    rows.add(List.of(entry.getKey(), t.getSector(), String.valueOf(t.getPeriodKind()),
                            String.valueOf(t.getPeriodStart()), String.valueOf(t.getPeriodEnd()), metric, String.valueOf(value)));
                }
            });
        }
        return rows;
    }

    private static List<List<String>> contradictionsCsv(AuditResults results) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("pair_id", "kind", "sector", "incident_start", "corroborated",
                "side_one_statement", "side_one_revision", "side_one_issuer", "side_one_location", "side_one_source_url",
                "side_two_statement", "side_two_revision", "side_two_issuer", "side_two_location", "side_two_source_url"));
        for (ClaimContradiction c : results.contradictions().values()) {
            List<String> row = new ArrayList<>(List.of(c.getPairId(), String.valueOf(c.getKind()), c.getSector(),
                    String.valueOf(c.getIncidentStart()), String.valueOf(c.getCorroborated())));
            row.addAll(ref(c.getSideOne()));
            row.addAll(ref(c.getSideTwo()));
            rows.add(row);
        }
        return rows;
    }

    private static List<String> ref(StatementRef s) {
        return List.of(s.getStatementId(), String.valueOf(s.getRevision()), s.getIssuer(), s.getLocation(),
                s.getSourceUrl() == null ? "" : s.getSourceUrl());
    }

    private static List<List<String>> rejectedCsv(AuditResults results) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("key", "partition", "offset", "reason"));
        results.rejected().forEach(r -> rows.add(List.of(r.key(), String.valueOf(r.partition()), String.valueOf(r.offset()), r.reason())));
        return rows;
    }

    private static List<List<String>> unresolvedCsv(AuditResults results) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("place_as_written", "statements"));
        results.unresolvedPlaces().forEach((name, count) -> rows.add(List.of(name, String.valueOf(count))));
        return rows;
    }

    private static List<List<String>> single(String header, List<String> values) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(header));
        values.forEach(v -> rows.add(List.of(v)));
        return rows;
    }

    private static void writeCsv(Path file, List<List<String>> rows) throws IOException {
        StringBuilder csv = new StringBuilder();
        rows.forEach(row -> csv.append(csvLine(row)));
        Files.writeString(file, csv.toString(), StandardCharsets.UTF_8);
    }

    /** One CSV line, "\n"-terminated. */
    static String csvLine(List<String> row) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(csvField(row.get(i)));
        }
        return line.append('\n').toString();
    }

    /** RFC 4180 quoting; a leading = + - @ is prefixed with ' so spreadsheets do not run it as a formula. */
    static String csvField(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+(\\.\\d+)?")) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
