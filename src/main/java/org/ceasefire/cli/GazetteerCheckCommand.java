package org.ceasefire.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.ceasefire.conflict.GazetteerCheck;
import org.ceasefire.conflict.GazetteerFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gazetteer check FILE}: every problem of a conflict file, each with the file, place and field; exit 1 when there is one. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Validate a conflict definition file: its structure, unknown sectors, overlapping periods,",
                "names two places share, names that do not resolve to their place, missing sources and coordinates."})
public final class GazetteerCheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "Conflict definition and gazetteer JSON.")
    Path file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<GazetteerFile> read = ConflictFiles.readOrReport(file, "gazetteer check", err);
        if (read.isEmpty()) {
            return 1;
        }
        GazetteerFile gazetteer = read.get();
        List<String> problems = GazetteerCheck.problems(gazetteer, file.toString());
        if (!problems.isEmpty()) {
            err.println("gazetteer check: " + file + " has " + problems.size() + " problem(s):");
            problems.forEach(problem -> err.println("  - " + problem));
            return 1;
        }
        out.printf("%s: conflict %s, %d sectors, %d places: no problems.%n", file, gazetteer.conflict().id(),
                gazetteer.conflict().sectors().size(), gazetteer.places().size());
        return 0;
    }
}
