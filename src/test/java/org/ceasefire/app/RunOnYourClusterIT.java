package org.ceasefire.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ceasefire.config.AppSettings;
import org.ceasefire.config.Setting;
import org.ceasefire.conflict.GazetteerFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's "Run on your cluster", followed as written: every command of the section is run as its
 * own process from a working directory laid out like the repository, against the {@code dev-cluster}
 * the section starts with. The only changes are the ones the section asks for (the two addresses
 * printed by dev-cluster, set in the copied properties file) and a free HTTP port instead of 8080,
 * since tests never bind fixed ports. Nothing else is set: partitions, replication factor and
 * state folder are the defaults.
 */
class RunOnYourClusterIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String JAR_COMMAND = "java -jar target/ceasefire-monitor.jar ";
    private static final Pattern DASHBOARD = Pattern.compile("ceasefire-monitor running; dashboard http://127\\.0\\.0\\.1:(\\d+)/");
    /** The sample's contradictions (samples/README.md). */
    private static final int SAMPLE_CONTRADICTIONS = 13;

    @TempDir
    Path dir;

    @Test
    @DisplayName("README's 'Run on your cluster' as written: dev-cluster, run with only the two addresses, then the example file with gazetteer load and run -c")
    void readmeSectionWorksAsWritten() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path work = workingDirectory();
        List<String> section = readmeSection();
        List<String> commands = bashCommands(section);
        assertThat(commands).as("the section's commands").containsExactly(
                JAR_COMMAND + "dev-cluster",
                JAR_COMMAND + "run --bootstrap-servers BOOTSTRAP --schema-registry-url REGISTRY_URL",
                "cp examples/app.properties app.properties",
                JAR_COMMAND + "gazetteer load -c app.properties",
                JAR_COMMAND + "run -c app.properties");
        String ingest = inlineCommand(section, JAR_COMMAND + "ingest ");

        try (JarProcess devCluster = JarProcess.start(work, home, dir.resolve("dev-cluster.log"), words(commands.get(0)), Map.of())) {
            String bootstrap = devCluster.awaitMatch(Pattern.compile("(?m)^bootstrap\\.servers=(\\S+)$"), Duration.ofSeconds(90));
            String registry = devCluster.awaitMatch(Pattern.compile("(?m)^schema\\.registry\\.url=(\\S+)$"), Duration.ofSeconds(90));
            devCluster.awaitOutput("Running until Ctrl-C.", Duration.ofSeconds(30));

            // `run` with only the two addresses, on the topics dev-cluster created.
            Map<String, String> freePort = Map.of("CEASEFIRE_HTTP_PORT", "0");
            String runOnAddresses = commands.get(1).replace("BOOTSTRAP", bootstrap).replace("REGISTRY_URL", registry);
            try (JarProcess run = JarProcess.start(work, home, dir.resolve("run.log"), words(runOnAddresses), freePort)) {
                int port = Integer.parseInt(run.awaitMatch(DASHBOARD, Duration.ofSeconds(120)));
                try (JarProcess feed = JarProcess.start(work, home, dir.resolve("ingest.log"),
                        words(ingest.replace("BOOTSTRAP", bootstrap).replace("REGISTRY_URL", registry)), Map.of())) {
                    assertThat(feed.awaitExit(Duration.ofSeconds(90))).as(feed.output()).isZero();
                    assertThat(feed.output()).contains("read 42, sent 42, rejected 0");
                }
                awaitSampleContradictions(port, run);
                Path state = home.resolve(".ceasefire-monitor/state/ceasefire-monitor");
                assertThat(state).as("the default state folder, one per application id").isDirectory();
                assertThat(home.resolve(".ceasefire-monitor/state/ceasefire-monitor.owner.properties")).exists();
                assertThat(run.terminate()).as(run.output()).isZero();
                assertThat(run.output()).doesNotContain("replication factor must be", "needs at least", "Exception in thread");
            }

            // Step 1: copy the example and set the two addresses in it.
            Path properties = copy(words(commands.get(2)), work);
            setAddresses(properties, bootstrap, registry);
            // Step 2, as written.
            try (JarProcess load = JarProcess.start(work, home, dir.resolve("gazetteer.log"), words(commands.get(3)), Map.of())) {
                assertThat(load.awaitExit(Duration.ofSeconds(90))).as(load.output()).isZero();
                assertThat(load.output()).contains("Loaded " + GazetteerFile.builtIn().places().size() + " places of conflict AM-AZ");
            }
            try (JarProcess run = JarProcess.start(work, home, dir.resolve("run-c.log"), words(commands.get(4)), Map.of())) {
                int port = Integer.parseInt(run.awaitMatch(DASHBOARD, Duration.ofSeconds(120)));
                awaitSampleContradictions(port, run);
                assertThat(run.terminate()).as(run.output()).isZero();
            }
        }
    }

    @Test
    @DisplayName("examples/app.properties names every setting of docs/configuration.md and loads as it is")
    void exampleFileIsComplete() throws IOException {
        String example = Files.readString(Path.of("examples", "app.properties"));
        for (Setting setting : AppSettings.ALL) {
            assertThat(example).as("examples/app.properties mentions " + setting.key())
                    .containsPattern("(?m)^#?" + Pattern.quote(setting.key()) + "=");
        }
        assertThat(org.ceasefire.config.AppConfig.load(Path.of("examples", "app.properties"), Map.of(), Map.of())
                .get(AppSettings.APPLICATION_ID)).isEqualTo("ceasefire-monitor");
    }

    private void awaitSampleContradictions(int port, JarProcess run) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().untilAsserted(() -> {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/contradictions?limit=500"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JsonNode items = JSON.readTree(answer.body()).path("items");
            assertThat(items.size()).as("contradictions of the sample; run's output:\n" + run.output()).isEqualTo(SAMPLE_CONTRADICTIONS);
        });
    }

    /** A folder laid out like the repository where the section's commands look: the jar, the example, the sample. */
    private Path workingDirectory() throws IOException {
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.createDirectories(work.resolve("target"));
        Files.createSymbolicLink(work.resolve("target/ceasefire-monitor.jar"), JarProcess.JAR);
        Files.createDirectories(work.resolve("examples"));
        Files.copy(Path.of("examples", "app.properties"), work.resolve("examples/app.properties"));
        Path samples = Files.createDirectories(work.resolve("src/main/resources/samples"));
        Files.copy(Path.of("src/main/resources/samples/am-az-sample.jsonl"), samples.resolve("am-az-sample.jsonl"));
        return work;
    }

    private static List<String> readmeSection() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8);
        int start = lines.indexOf("## Run on your cluster");
        assertThat(start).as("README has a 'Run on your cluster' section").isNotNegative();
        List<String> section = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ") || line.contains("**Scale out.**")) {
                break;
            }
            section.add(line);
        }
        return section;
    }

    /** The lines of the section's bash code blocks, without comments. */
    private static List<String> bashCommands(List<String> section) {
        List<String> commands = new ArrayList<>();
        boolean inBash = false;
        for (String line : section) {
            String trimmed = line.trim();
            if (trimmed.startsWith("```")) {
                inBash = !inBash && trimmed.equals("```bash");
                continue;
            }
            String command = trimmed.replaceAll("\\s+#.*$", "").trim();
            if (inBash && !command.isEmpty()) {
                commands.add(command);
            }
        }
        return commands;
    }

    /** A command quoted inline in the text, such as the one that feeds the sample. */
    private static String inlineCommand(List<String> section, String prefix) {
        Matcher quoted = Pattern.compile("`(" + Pattern.quote(prefix) + "[^`]+)`").matcher(String.join(" ", section));
        assertThat(quoted.find()).as("the section quotes a command starting with " + prefix).isTrue();
        return quoted.group(1);
    }

    private static List<String> words(String command) {
        return Arrays.asList(command.trim().split("\\s+"));
    }

    private static Path copy(List<String> cp, Path work) throws IOException {
        assertThat(cp).hasSize(3).first().isEqualTo("cp");
        return Files.copy(work.resolve(cp.get(1)), work.resolve(cp.get(2)));
    }

    /** What step 1 asks for: the two addresses; and a free port, as tests bind no fixed port. */
    private static void setAddresses(Path properties, String bootstrap, String registry) throws IOException {
        List<String> lines = new ArrayList<>();
        Properties check = new Properties();
        for (String line : Files.readAllLines(properties, StandardCharsets.UTF_8)) {
            if (line.startsWith("bootstrap.servers=")) {
                line = "bootstrap.servers=" + bootstrap;
            } else if (line.startsWith("schema.registry.url=")) {
                line = "schema.registry.url=" + registry;
            } else if (line.startsWith("ceasefire.http.port=")) {
                line = "ceasefire.http.port=0";
            }
            lines.add(line);
        }
        Files.write(properties, lines, StandardCharsets.UTF_8);
        try (var reader = Files.newBufferedReader(properties)) {
            check.load(reader);
        }
        assertThat(check.getProperty("bootstrap.servers")).isEqualTo(bootstrap);
        assertThat(check.getProperty("schema.registry.url")).isEqualTo(registry);
    }
}
