package org.ceasefire.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.ceasefire.conflict.GazetteerFile;
import org.ceasefire.ingest.StatementJsonWriter;
import org.ceasefire.ingest.generator.GazetteerJsonWriter;
import org.ceasefire.ingest.generator.SpellingBook;
import org.ceasefire.ingest.generator.StatementGenerator;
import org.ceasefire.ingest.generator.SyntheticGazetteer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code generate}: synthetic statements as JSON Lines, for load tests and demos. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generate realistic synthetic statements (JSON Lines) from a conflict definition and gazetteer.",
                "The same seed and options give byte-identical output."})
public final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--count", defaultValue = "1000", description = "How many statements (default: ${DEFAULT-VALUE}).")
    long count;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: standard output).")
    Path out;

    @Option(names = "--conflict", paramLabel = "FILE", description = "Conflict definition and gazetteer (default: the built-in one).")
    Path conflictFile;

    @Option(names = "--sectors", defaultValue = "0",
            description = "Invent this many extra sectors with " + SyntheticGazetteer.PLACES_PER_SECTOR + " places each, for scale tests (default: ${DEFAULT-VALUE}).")
    int sectors;

    @Option(names = "--gazetteer-out", paramLabel = "FILE",
            description = "Write the gazetteer the statements were drawn from (with the invented sectors) to this file, for gazetteer load and ingest --conflict.")
    Path gazetteerOut;

    @Option(names = "--start", defaultValue = "2021-06-01", description = "First day of the timeline (default: ${DEFAULT-VALUE}).")
    LocalDate start;

    @Option(names = "--days", defaultValue = "" + StatementGenerator.DEFAULT_DAYS, description = "Days the timeline spans (default: ${DEFAULT-VALUE}).")
    int days;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (count < 0 || days < 1 || sectors < 0) {
            err.println("generate: --count and --sectors must not be negative and --days must be at least 1");
            return 1;
        }
        long began = System.nanoTime();
        SyntheticGazetteer.World world = SyntheticGazetteer.extend(GazetteerFile.readOrBuiltIn(conflictFile),
                SpellingBook.readOrBuiltIn(conflictFile), sectors, seed);
        if (gazetteerOut != null) {
            GazetteerJsonWriter.write(world, gazetteerOut);
        }
        StatementGenerator generator = new StatementGenerator(world, seed, start.atStartOfDay().toInstant(ZoneOffset.UTC), days);
        OutputStream target = out == null ? nonClosing(System.out) : Files.newOutputStream(out);
        try (StatementJsonWriter writer = new StatementJsonWriter(new BufferedOutputStream(target, 1 << 16))) {
            generator.generate(count, statement -> {
                try {
                    writer.write(statement);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        double seconds = Duration.ofNanos(System.nanoTime() - began).toNanos() / 1e9;
        err.printf(Locale.ROOT, "Generated %d statements (seed %d) to %s in %.1f s%s.%n", count, seed,
                out == null ? "standard output" : out, seconds, gazetteerOut == null ? "" : "; gazetteer written to " + gazetteerOut);
        err.flush();
        return 0;
    }

    private static OutputStream nonClosing(OutputStream stream) {
        return new java.io.FilterOutputStream(stream) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
