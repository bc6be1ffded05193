package org.ceasefire.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Streams trace.csv: for every statement revision replayed, its partition, offset and log append
 * time in the statements log, so each contradiction (which names statement ids and revisions) and
 * each tally can be traced to the records that produced it. Written line by line: memory stays flat.
 */
public final class StatementTraceWriter implements AutoCloseable {
    private final CsvFile csv;

    public StatementTraceWriter(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the report folder " + folder, e);
        }
        csv = new CsvFile(folder.resolve("trace.csv"), List.of("statement_id", "revision", "partition", "offset", "log_append_time",
                "incident_start", "location", "source_url"));
    }

    public void write(StatementTrace t) {
        csv.row(List.of(t.statementId(), String.valueOf(t.revision()), String.valueOf(t.partition()),
                String.valueOf(t.offset()), t.logAppendTime().toString(), t.incidentStart().toString(), t.location(),
                t.sourceUrl() == null ? "" : t.sourceUrl()));
    }

    @Override
    public void close() {
        csv.close();
    }
}
