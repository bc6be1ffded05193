package org.ceasefire.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.ceasefire.app.CeasefireApp;
import org.ceasefire.app.RetriableNoise;
import org.ceasefire.audit.AuditReplay;
import org.ceasefire.audit.AuditResults;
import org.ceasefire.avro.PeriodKind;
import org.ceasefire.config.AppConfig;
import org.ceasefire.config.AppSettings;
import org.ceasefire.conflict.GazetteerFile;
import org.ceasefire.embedded.EmbeddedKafka;
import org.ceasefire.registry.EmbeddedSchemaRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The whole product on the embedded default: a Kafka broker and a Schema Registry in this process,
 * the topics, the gazetteer and the sample statements loaded, the topology, the query API and the dashboard.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start an embedded Kafka broker and Schema Registry, load the gazetteer and the sample statements,",
                "and run the pipeline with its dashboard. Runs until Ctrl-C, or for --duration and then prints a summary."})
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--conflict", paramLabel = "FILE",
            description = "Conflict definition and gazetteer: a file, or the name of a shipped one (am-az, in-pk); default: am-az.")
    String conflict;

    @Option(names = "--sample", paramLabel = "FILE",
            description = "Statements to load (default: the shipped sample of the conflict, samples/<conflict id>-sample.jsonl, if there is one).")
    Path sampleFile;

    @Option(names = "--duration", converter = DurationConverter.class,
            description = "Stop after this long (30s, 2m, PT1M) and print a summary of tallies and contradictions.")
    Duration duration;

    @Option(names = "--http-port", defaultValue = "8080", description = "Port of the dashboard and API; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--partitions", defaultValue = AppSettings.DEFAULT_PARTITIONS,
            description = "Partitions of the data topics, the same default as run and dev-cluster (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "~/.ceasefire-monitor",
            description = "The app's folder (ceasefire.data.dir); Kafka's retried errors are logged to logs/demo-kafka-retries.log in it "
                    + "(default: ${DEFAULT-VALUE}).")
    String dataDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        long began = System.nanoTime();
        Path work = Files.createTempDirectory("ceasefire-demo-");
        Path conflictFile = conflictFile(work);
        GazetteerFile gazetteer = GazetteerFile.read(conflictFile);
        Path logs = Files.createDirectories(AppConfig.expandHome(dataDir).resolve("logs"));
        // The broker runs in this process: its retried errors would otherwise print between the demo's own lines.
        try (RetriableNoise noise = RetriableNoise.divertTo(logs.resolve("demo-kafka-retries.log"));
             EmbeddedKafka kafka = EmbeddedKafka.start();
             EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers())) {
            AppConfig config = AppConfig.of(Map.of(
                    AppSettings.BOOTSTRAP_SERVERS.key(), kafka.bootstrapServers(),
                    AppSettings.SCHEMA_REGISTRY_URL.key(), registry.url(),
                    AppSettings.TOPIC_PARTITIONS.key(), String.valueOf(partitions),
                    AppSettings.HTTP_PORT.key(), String.valueOf(httpPort),
                    AppSettings.CONFLICT_FILE.key(), conflictFile.toString(),
                    AppSettings.DATA_DIR.key(), dataDir,
                    AppSettings.STATE_DIR.key(), work.resolve("state").toString()));
            try (CeasefireApp app = CeasefireApp.start(config)) {
                String[] connection = {"--bootstrap-servers", kafka.bootstrapServers(), "--schema-registry-url", registry.url()};
                run(out, "gazetteer", "load", conflictFile.toString(), connection[0], connection[1], connection[2], connection[3]);
                Path sample = sample(work, gazetteer.conflict().id());
                if (sample != null) {
                    run(out, "ingest", sample.toString(), "--conflict", conflictFile.toString(),
                            "--rejects", work.resolve("sample.rejects.jsonl").toString(), connection[0], connection[1], connection[2], connection[3]);
                } else {
                    out.printf("No sample for conflict %s: feed statements with ingest.%n", gazetteer.conflict().id());
                }
                out.printf("%nceasefire-monitor demo is running (ready in %.1f s)%n", (System.nanoTime() - began) / 1e9);
                out.printf("  dashboard          %s%n", app.url());
                out.printf("  query API          %sapi/sectors   (OpenAPI: %sopenapi.json)%n", app.url(), app.url());
                out.printf("  Kafka              bootstrap.servers=%s%n", kafka.bootstrapServers());
                out.printf("  Schema Registry    schema.registry.url=%s%n", registry.url());
                out.printf("  feed more          java -jar target/ceasefire-monitor.jar ingest FILE.jsonl --bootstrap-servers %s --schema-registry-url %s%n",
                        kafka.bootstrapServers(), registry.url());
                out.flush();
                awaitStop(out);
                try (AuditResults live = new AuditReplay(config.clientProperties(), TopologyConfigs.from(config)).liveResults()) {
                    printSummary(out, live);
                }
                out.println(noise.summary());
                out.flush();
            }
        } finally {
            EmbeddedKafka.deleteRecursively(work);
        }
        return 0;
    }

    private void run(PrintWriter out, String... args) {
        int exit = Main.commandLine().setOut(out).setErr(spec.commandLine().getErr()).execute(args);
        if (exit != 0) {
            throw new IllegalStateException("demo: `" + String.join(" ", args) + "` exited with " + exit);
        }
    }

    /** The conflict file to run: --conflict as a path, or a shipped conflict by name, copied out of the class path. */
    private Path conflictFile(Path work) throws IOException {
        String name = conflict == null ? "am-az" : conflict;
        Path given = Path.of(name);
        if (conflict != null && Files.isRegularFile(given)) {
            return given.toAbsolutePath();
        }
        Path copy = copyResource("conflicts/" + name + ".json", work.resolve(name + ".json"));
        if (copy == null) {
            throw new IllegalArgumentException("demo --conflict " + name + ": neither a file nor a shipped conflict (am-az, in-pk)");
        }
        return copy;
    }

    /** --sample, else the shipped sample of the conflict (samples/am-az-sample.jsonl for AM-AZ); null when there is none. */
    private Path sample(Path work, String conflictId) throws IOException {
        if (sampleFile != null) {
            return sampleFile.toAbsolutePath();
        }
        String name = conflictId.toLowerCase(Locale.ROOT) + "-sample.jsonl";
        return copyResource("samples/" + name, work.resolve(name));
    }

    private static Path copyResource(String resource, Path target) throws IOException {
        try (InputStream in = DemoCommand.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private void awaitStop(PrintWriter out) throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(stop::countDown, "demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        if (duration != null) {
            out.printf("Running for %s.%n", duration);
            out.flush();
            stop.await(duration.toMillis(), TimeUnit.MILLISECONDS);
            Runtime.getRuntime().removeShutdownHook(hook);
        } else {
            out.println("Press Ctrl-C to stop.");
            out.flush();
            stop.await();
        }
    }

    /** What the output topics hold at the end: contradictions by kind, and each sector's all-time tally. */
    static void printSummary(PrintWriter out, AuditResults live) {
        Map<String, Integer> byKind = new TreeMap<>();
        live.contradictions().forEach((id, pair) -> byKind.merge(pair.getKind().toString(), 1, Integer::sum));
        out.printf("%nSummary: %d contradictions %s%n", live.contradictions().size(), byKind);
        live.contradictions().forEach((id, pair) -> out.printf("  %-20s %-22s %s (%s) vs %s (%s)%n", pair.getKind(), pair.getSector(),
                    pair.getSideOne().getStatementId(), pair.getSideOne().getIssuer(),
                    pair.getSideTwo().getStatementId(), pair.getSideTwo().getIssuer()));
        out.println("All-time tallies by sector (statements by issuer; accusations by issuer):");
        live.tallies().forEach((key, tally) -> {
            if (tally.getPeriodKind() == PeriodKind.ALL_TIME) {
                out.printf("  %-22s statements %s  accusations %s  unanswered %d%n", tally.getSector(),
                        new TreeMap<>(tally.getStatements()), new TreeMap<>(tally.getAccusations()), tally.getUnansweredAccusations());
            }
        });
        out.flush();
    }
}
