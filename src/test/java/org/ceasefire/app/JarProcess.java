package org.ceasefire.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command of the packaged jar run as a user runs it, as its own process: {@code java -jar
 * target/ceasefire-monitor.jar ...} in a working directory, with its output in a log file. The
 * user's home directory is a test folder (through {@code JAVA_TOOL_OPTIONS}, so the command line
 * stays the one a user types), so defaults under {@code ~} are exercised without touching the real one.
 */
final class JarProcess implements AutoCloseable {
    static final Path JAR = Path.of("target", "ceasefire-monitor.jar").toAbsolutePath();

    private final Process process;
    private final Path log;

    private JarProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code command} (a command line starting with {@code java}) in {@code workDir}.
     * @param environment extra environment variables
     */
    static JarProcess start(Path workDir, Path home, Path log, List<String> command, Map<String, String> environment) throws IOException {
        assertThat(JAR).as("the packaged jar (failsafe runs after package)").exists();
        assertThat(command.get(0)).isEqualTo("java");
        List<String> line = new ArrayList<>(command);
        line.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ProcessBuilder builder = new ProcessBuilder(line).directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("CEASEFIRE_"));
        builder.environment().put("JAVA_TOOL_OPTIONS", "-Duser.home=" + home + " -Xmx384m");
        builder.environment().putAll(environment);
        return new JarProcess(builder.start(), log);
    }

    /** Waits until the output contains {@code text}; fails with the output if the process ends first. */
    String awaitOutput(String text, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!process.isAlive() && !output().contains(text)) {
                throw new AssertionError("ended with " + process.exitValue() + " before printing '" + text + "':\n" + output());
            }
            return output().contains(text);
        });
        return output();
    }

    /** The first group of {@code pattern} in the output, once it appears. */
    String awaitMatch(Pattern pattern, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!process.isAlive() && !pattern.matcher(output()).find()) {
                throw new AssertionError("ended with " + process.exitValue() + " before printing " + pattern + ":\n" + output());
            }
            return pattern.matcher(output()).find();
        });
        Matcher matcher = pattern.matcher(output());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    /** Waits for the process to end by itself and returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        assertThat(process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)).as("ended within " + timeout + ":\n" + output()).isTrue();
        return process.exitValue();
    }

    /** SIGTERM, as a container runtime stops it; returns the exit code. */
    int terminate() throws InterruptedException {
        process.destroy();
        return awaitExit(Duration.ofSeconds(40));
    }

    String output() {
        try {
            return Files.exists(log) ? new String(Files.readAllBytes(log), java.nio.charset.StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        }
    }
}
