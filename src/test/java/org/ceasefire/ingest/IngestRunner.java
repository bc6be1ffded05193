package org.ceasefire.ingest;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.ceasefire.cli.IngestCommand;
import picocli.CommandLine;

/** Runs the {@code ingest} command in-process in a working directory, capturing its exit code and output. */
final class IngestRunner {
    record Run(int exitCode, String out, String err) {
    }

    private IngestRunner() {
    }

    static Run ingest(Path workingDirectory, InputStream stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new IngestCommand(stdin, workingDirectory)).setCaseInsensitiveEnumValuesAllowed(true);
        command.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int code = command.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
