package org.ceasefire.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.ceasefire.conflict.ConflictDefinition;
import org.ceasefire.conflict.GazetteerFile;
import org.ceasefire.conflict.PlaceResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gazetteer resolve}: how the pipeline reads place names, without Kafka. One line per place found,
 * {@code input<TAB>place_id<TAB>sector}; {@code input<TAB><TAB>UNRESOLVED} when none is.
 */
@Command(name = "resolve", mixinStandardHelpOptions = true,
        description = {"Show the places and sectors the pipeline resolves names to: one line per place,",
                "input<TAB>place_id<TAB>sector; input<TAB><TAB>UNRESOLVED when no place is found. '-' reads names from standard input, one a line."})
public final class GazetteerResolveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--conflict", paramLabel = "FILE", description = "Conflict definition and gazetteer (default: the built-in Armenia–Azerbaijan one).")
    Path conflictFile;

    @Option(names = "--at", paramLabel = "DATE", description = "The incident day (YYYY-MM-DD) sectors are taken on (default: today, UTC).")
    LocalDate at;

    @Parameters(arity = "1..*", paramLabel = "NAME", description = "Location as written, or - for standard input.")
    List<String> names;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Optional<GazetteerFile> read = ConflictFiles.readOrReport(conflictFile, "gazetteer resolve", spec.commandLine().getErr());
        if (read.isEmpty()) {
            return 1;
        }
        PlaceResolver resolver = new PlaceResolver(read.get());
        LocalDate day = at != null ? at : LocalDate.now(ZoneOffset.UTC);
        for (String name : names) {
            if (name.equals("-")) {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    print(out, resolver, line, day);
                }
            } else {
                print(out, resolver, name, day);
            }
        }
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, PlaceResolver resolver, String name, LocalDate day) {
        // A tab or line break inside a name would break the columns: shown as a space.
        String input = name.replaceAll("[\\t\\r\\n]", " ");
        List<PlaceResolver.Resolved> resolved = resolver.resolve(name, day);
        if (resolved.isEmpty()) {
            out.println(input + "\t\t" + ConflictDefinition.UNRESOLVED_SECTOR);
        }
        for (PlaceResolver.Resolved place : resolved) {
            out.println(input + "\t" + place.place().getPlaceId() + "\t" + place.sector());
        }
    }
}
