package org.ceasefire.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.ceasefire.app.RetriableNoise;
import org.ceasefire.config.AppConfig;
import org.ceasefire.config.AppSettings;
import org.ceasefire.conflict.GazetteerFile;
import org.ceasefire.ingest.DevCluster;
import org.ceasefire.topics.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dev-cluster}: only the embedded broker and registry, with topics and gazetteer, for scripts to feed. */
@Command(name = "dev-cluster", mixinStandardHelpOptions = true,
        description = {"Start an embedded Kafka broker and schema registry, create the topics and load the gazetteer;",
                "prints bootstrap.servers=... and schema.registry.url=... and runs until Ctrl-C."})
public final class DevClusterCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "0", description = "Broker port (default: a free one).")
    int brokerPort;

    @Option(names = "--registry-port", defaultValue = "0", description = "Schema registry port (default: a free one).")
    int registryPort;

    @Option(names = "--partitions", defaultValue = AppSettings.DEFAULT_PARTITIONS,
            description = "Partitions of the data topics, the same default as run's ceasefire.topic.partitions (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--topic-prefix", defaultValue = Topics.DEFAULT_PREFIX, description = "Prefix of the topic names (default: ${DEFAULT-VALUE}).")
    String topicPrefix;

    @Option(names = "--conflict", paramLabel = "FILE", description = "Conflict definition and gazetteer to load (default: the built-in one).")
    Path conflictFile;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "~/.ceasefire-monitor",
            description = "The app's folder (ceasefire.data.dir); the broker's retried errors are logged to "
                    + "logs/dev-cluster-kafka-retries.log in it (default: ${DEFAULT-VALUE}).")
    String dataDir;

    @Option(names = "--duration", converter = DurationConverter.class, description = "Stop after this long instead of at Ctrl-C.")
    Duration duration;

    @Override
    public Integer call() throws InterruptedException, IOException {
        PrintWriter out = spec.commandLine().getOut();
        long began = System.nanoTime();
        Path logs = Files.createDirectories(AppConfig.expandHome(dataDir).resolve("logs"));
        try (RetriableNoise noise = RetriableNoise.divertTo(logs.resolve("dev-cluster-kafka-retries.log"));
             DevCluster cluster = DevCluster.start(new Topics(topicPrefix), partitions, GazetteerFile.readOrBuiltIn(conflictFile),
                brokerPort, registryPort)) {
            // Scripts read these two lines: keep their form stable.
            out.println("bootstrap.servers=" + cluster.bootstrapServers());
            out.println("schema.registry.url=" + cluster.schemaRegistryUrl());
            out.printf("Topics created: %s; %d places loaded into %s; ready in %d ms.%n",
                    cluster.createdTopics().isEmpty() ? "none (all existed)" : String.join(", ", cluster.createdTopics()),
                    cluster.placesLoaded(), new Topics(topicPrefix).gazetteer(), Duration.ofNanos(System.nanoTime() - began).toMillis());
            cluster.inputSubjects().forEach((subject, id) -> out.printf("Schema registered: subject %s, latest version = schema id %d%n", subject, id));
            out.println(duration == null ? "Running until Ctrl-C." : "Running for " + duration + ".");
            out.flush();
            awaitStop();
            out.println(noise.summary());
            out.flush();
        }
        return 0;
    }

    private void awaitStop() throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(stop::countDown, "dev-cluster-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            if (duration == null) {
                stop.await();
            } else {
                stop.await(duration.toMillis(), TimeUnit.MILLISECONDS);
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the JVM is already running the hook; the cluster closes on the way out.
            }
        }
    }
}
