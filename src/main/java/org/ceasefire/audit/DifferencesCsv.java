package org.ceasefire.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** differences.csv of a compare run: output, key, field, live value, replayed value. */
final class DifferencesCsv {
    private DifferencesCsv() {
    }

    static void write(Path file, List<Difference> differences) {
        StringBuilder csv = new StringBuilder(ReportWriter.csvLine(List.of("output", "key", "field", "live", "replayed")));
        differences.forEach(d -> csv.append(ReportWriter.csvLine(List.of(d.output(), d.key(), d.field(), d.live(), d.replayed()))));
        try {
            Files.writeString(file, csv.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
