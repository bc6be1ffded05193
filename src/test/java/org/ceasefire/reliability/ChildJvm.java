package org.ceasefire.reliability;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code java -jar target/ceasefire-monitor.jar ...} child process whose output goes to a log file.
 * {@link #kill()} is SIGKILL, {@link #stop()} SIGTERM; {@link #close()} always leaves no process behind.
 */
final class ChildJvm implements AutoCloseable {
    static final Path JAR = Path.of("target", "ceasefire-monitor.jar");

    private final String name;
    private final Process process;
    private final Path log;

    private ChildJvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Child logs stay after the test (temporary directories do not), for diagnosis. */
    static final Path LOGS = Path.of("target", "reliability-logs");

    static ChildJvm start(String name, Path ignoredTempDir, List<String> args) {
        Path logDir = LOGS;
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run `mvn -DskipTests package` first");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString()));
        command.addAll(args);
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(name + "-" + System.nanoTime() + ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new ChildJvm(name, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    /** Waits until the output holds a line matching {@code regex}; returns its first group (or the whole match). */
    String awaitLine(String regex, Duration timeout) {
        Pattern pattern = Pattern.compile(regex);
        String[] found = new String[1];
        await(name + " printing /" + regex + "/ (log " + log + ")").atMost(timeout).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail());
                    }
                    Optional<String> line = output().lines().map(pattern::matcher).filter(Matcher::find)
                            .map(m -> m.groupCount() > 0 ? m.group(1) : m.group()).findFirst();
                    line.ifPresent(l -> found[0] = l);
                    return line.isPresent();
                });
        return found[0];
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    String tail() {
        List<String> lines = output().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code once the process has ended: 137 after a SIGKILL, 143 after an unhandled SIGTERM. */
    int exitValue() {
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook runs, no transaction is committed or aborted. */
    void kill() {
        process.destroyForcibly();
        await(name + " dying").atMost(Duration.ofSeconds(30)).until(() -> !process.isAlive());
    }

    /** SIGTERM: the shutdown hooks run. */
    void stop(Duration timeout) {
        process.destroy();
        await(name + " stopping").atMost(timeout).until(() -> !process.isAlive());
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
