package org.ceasefire.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.ceasefire.avro.MinistryStatement;

/**
 * Reads inputs one record at a time, checks each, hands valid statements to the sink and writes
 * every rejected record to its rejects file with one message on standard error. Nothing is held
 * per record once it is handed over, so memory does not grow with the input.
 */
public final class Ingestor {
    /** Records checked together: enough to keep every core busy, few enough to keep memory flat. */
    static final int BATCH = 512;
    /** Text held in one batch at most: 512 lines near the line limit would otherwise hold gigabytes. */
    static final long BATCH_CHARS = 4L << 20;

    private final StatementChecker checker;
    private final StatementSink sink;
    private final PrintWriter err;
    private final Progress progress;
    private final InputStream stdin;
    private final int maxLineBytes;

    private long read;
    private long valid;
    private long rejected;
    private final DuplicateCounter duplicates = new DuplicateCounter();

    /** @param maxLineBytes the longest line read; a longer one is rejected without being held in memory */
    public Ingestor(StatementChecker checker, StatementSink sink, PrintWriter err, Progress progress, InputStream stdin, int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
        this.checker = checker;
        this.sink = sink;
        this.err = err;
        this.progress = progress;
        this.stdin = stdin;
    }

    /**
     * Ingests every input in order and waits for the sink to acknowledge them.
     *
     * @param rejectsFor where the rejects of an input go; inputs mapped to the same path share one file
     */
    public IngestStats run(List<Input> inputs, InputFormat format, Function<Input, Path> rejectsFor, boolean dryRun) {
        long began = System.nanoTime();
        Map<Path, RejectsWriter> writers = new HashMap<>();
        try {
            for (Input input : inputs) {
                RejectsWriter rejects = writers.computeIfAbsent(rejectsFor.apply(input).toAbsolutePath().normalize(), RejectsWriter::new);
                ingest(input, format, rejects);
            }
            sink.flush();
        } finally {
            progress.finish();
            writers.values().forEach(RejectsWriter::close);
        }
        for (RejectsWriter writer : writers.values()) {
            if (writer.written() > 0) {
                err.println(writer.written() + " rejected record(s) written to " + writer.file());
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - began);
        return new IngestStats(read, valid, sink.acknowledged(), rejected, duplicates.duplicates(), sink.failed(), elapsed, dryRun);
    }

    private void ingest(Input input, InputFormat format, RejectsWriter rejects) {
        long total = input.isStdin() ? -1 : size(input.path());
        try (CountingInputStream counted = new CountingInputStream(open(input));
             BufferedInputStream buffered = new BufferedInputStream(counted, 1 << 16)) {
            InputFormat actual = format.resolve(input.name(), buffered);
            InputLines lines = new InputLines(buffered, maxLineBytes);
            RecordReader reader = actual == InputFormat.CSV ? new CsvReader(lines, input.name()) : new JsonLinesReader(lines, input.name());
            List<RawRecord> batch = new ArrayList<>(BATCH);
            RawRecord record;
            long batchChars = 0;
            while ((record = reader.next()) != null) {
                batch.add(record);
                batchChars += record.original().length();
                if (batch.size() == BATCH || batchChars >= BATCH_CHARS) {
                    handle(batch, rejects);
                    batchChars = 0;
                    progress.update(input.name(), counted.count(), total, read);
                }
            }
            handle(batch, rejects);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + input.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks a batch on all cores (checking costs more than sending), then handles the results in
     * input order, so that the revisions of one statement reach the topic in the order they were read.
     */
    private void handle(List<RawRecord> batch, RejectsWriter rejects) {
        List<ParsedStatement> checked = batch.parallelStream().map(checker::check).toList();
        for (int i = 0; i < batch.size(); i++) {
            handle(batch.get(i), checked.get(i), rejects);
        }
        batch.clear();
    }

    private void handle(RawRecord record, ParsedStatement parsed, RejectsWriter rejects) {
        read++;
        if (!parsed.ok()) {
            rejected++;
            Rejection rejection = Rejection.of(record, parsed.problems());
            progress.message(err, rejection.message());
            rejects.write(rejection);
            return;
        }
        valid++;
        MinistryStatement statement = parsed.statement();
        duplicates.seen(statement.getStatementId(), statement.getRevision());
        sink.send(statement);
    }

    private InputStream open(Input input) throws IOException {
        if (input.isStdin()) {
            // Closing our wrapper must not close the process's standard input for later inputs.
            return new java.io.FilterInputStream(stdin) {
                @Override
                public void close() {
                }
            };
        }
        return Files.newInputStream(input.path());
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return -1;
        }
    }
}
