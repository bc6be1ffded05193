package org.ceasefire.ingest;

import java.nio.file.Path;

/**
 * One input of a run: a file, or standard input ({@code path} null).
 * {@link #defaultRejects()} is where its rejects go unless {@code --rejects} says otherwise.
 */
public record Input(String name, Path path) {
    public static final String STDIN = "-";

    public static Input stdin() {
        return new Input("stdin", null);
    }

    /** A file, named in messages as the user wrote it and opened at {@code path}. */
    public static Input file(String name, Path path) {
        return new Input(name, path);
    }

    public boolean isStdin() {
        return path == null;
    }

    /** {@code <input>.rejects.jsonl} next to the input; {@code stdin.rejects.jsonl} in the working directory for stdin. */
    public Path defaultRejects(Path workingDirectory) {
        if (isStdin()) {
            return workingDirectory.resolve("stdin.rejects.jsonl");
        }
        return path.resolveSibling(path.getFileName() + ".rejects.jsonl");
    }
}
