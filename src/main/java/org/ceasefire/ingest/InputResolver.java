package org.ceasefire.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns the command line's input arguments into inputs: {@code -} is standard input, a path is a
 * file, and an argument with {@code * ? [ {} is a glob (for when the shell did not expand it, e.g.
 * when quoted, or {@code **} for every subdirectory). Matches are sorted so runs are repeatable.
 */
public final class InputResolver {
    private final Path workingDirectory;

    public InputResolver(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    /** Every input; throws IllegalArgumentException naming each argument that matches nothing. */
    public List<Input> resolve(List<String> arguments) {
        List<Input> inputs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String argument : arguments) {
            if (argument.equals(Input.STDIN)) {
                inputs.add(Input.stdin());
            } else if (isGlob(argument)) {
                List<Path> matches = glob(argument);
                if (matches.isEmpty()) {
                    problems.add("no file matches " + argument);
                }
                matches.forEach(match -> inputs.add(Input.file(match.toString(), workingDirectory.resolve(match))));
            } else {
                Path path = workingDirectory.resolve(argument);
                if (!Files.isRegularFile(path)) {
                    problems.add("no such file: " + argument);
                } else {
                    inputs.add(Input.file(argument, path));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return inputs;
    }

    static boolean isGlob(String argument) {
        return argument.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    private List<Path> glob(String pattern) {
        String normalized = pattern.replace('\\', '/');
        int firstGlob = firstGlobCharacter(normalized);
        int lastSlash = normalized.lastIndexOf('/', firstGlob);
        Path base = lastSlash < 0 ? Path.of("") : Path.of(normalized.substring(0, lastSlash + 1));
        Path root = workingDirectory.resolve(base);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + normalized);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> base.resolve(root.relativize(file)))
                    .filter(matcher::matches)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + root + ": " + e.getMessage(), e);
        }
    }

    private static int firstGlobCharacter(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            if ("*?[{".indexOf(pattern.charAt(i)) >= 0) {
                return i;
            }
        }
        return pattern.length();
    }
}
