package org.ceasefire.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Streams trace.csv: for every statement revision replayed, its partition, offset and log append
 * time in the statements log, so each contradiction (which names statement ids and revisions) and
 * each tally can be traced to the records that produced it. Written line by line: memory stays flat.
 */
public final class StatementTraceWriter implements AutoCloseable {
    private final BufferedWriter out;

    public StatementTraceWriter(Path folder) {
        try {
            Files.createDirectories(folder);
            out = Files.newBufferedWriter(folder.resolve("trace.csv"), StandardCharsets.UTF_8);
            out.write(ReportWriter.csvLine(List.of("statement_id", "revision", "partition", "offset", "log_append_time",
                    "incident_start", "location", "source_url")));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write trace.csv in " + folder, e);
        }
    }

    public void write(StatementTrace t) {
        try {
            out.write(ReportWriter.csvLine(List.of(t.statementId(), String.valueOf(t.revision()), String.valueOf(t.partition()),
                    String.valueOf(t.offset()), t.logAppendTime().toString(), t.incidentStart().toString(), t.location(),
                    t.sourceUrl() == null ? "" : t.sourceUrl())));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write trace.csv", e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close trace.csv", e);
        }
    }
}
