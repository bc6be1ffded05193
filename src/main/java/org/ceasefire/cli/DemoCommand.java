package org.ceasefire.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.apache.kafka.clients.admin.Admin;
import org.ceasefire.embedded.EmbeddedKafka;
import org.ceasefire.topics.TopicBootstrapper;
import org.ceasefire.topics.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs everything on the embedded default: a broker in this process, the topics, and the pipeline. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start an embedded broker, create the topics and run the pipeline on the sample; Ctrl-C stops.")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--duration", description = "Stop after this long (ISO-8601 like PT30S, or 30s, 2m) and print a summary.",
            converter = DurationConverter.class)
    Duration duration;

    @Option(names = "--partitions", defaultValue = "3", description = "Partitions of the data topics (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        long began = System.nanoTime();
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            Topics topics = Topics.defaults();
            List<String> created;
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                created = new TopicBootstrapper(admin).ensure(topics.specs(partitions, (short) 1));
            }
            out.printf("Embedded Kafka broker: %s%n", kafka.bootstrapServers());
            out.printf("Topics created: %s%n", String.join(", ", created));
            out.printf("Ready in %d ms.%n", Duration.ofNanos(System.nanoTime() - began).toMillis());
            awaitStop(out);
        }
        return 0;
    }

    private void awaitStop(PrintStream out) throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(stop::countDown, "demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        if (duration != null) {
            out.printf("Running for %s.%n", duration);
            stop.await(duration.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            Runtime.getRuntime().removeShutdownHook(hook);
        } else {
            out.println("Running until Ctrl-C.");
            stop.await();
        }
    }
}
