package org.ceasefire.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

import org.ceasefire.conflict.GazetteerFile;

/** The conflict file a gazetteer command reads: the given file or the built-in one, its problem printed in one line. */
final class ConflictFiles {
    private ConflictFiles() {
    }

    /** The file read, or empty after printing "{@code command}: reason" to {@code err}. */
    static Optional<GazetteerFile> readOrReport(Path file, String command, PrintWriter err) {
        try {
            return Optional.of(GazetteerFile.readOrBuiltIn(file));
        } catch (RuntimeException e) {
            err.println(command + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}
