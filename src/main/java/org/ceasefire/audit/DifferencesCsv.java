package org.ceasefire.audit;

import java.nio.file.Path;
import java.util.List;

/** differences.csv of a compare run: output, key, field, live value, replayed value. */
final class DifferencesCsv {
    private DifferencesCsv() {
    }

    static void write(Path file, List<Difference> differences) {
        try (CsvFile csv = new CsvFile(file, List.of("output", "key", "field", "live", "replayed"))) {
            differences.forEach(d -> csv.row(List.of(d.output(), d.key(), d.field(), d.live(), d.replayed())));
        }
    }
}
