package org.ceasefire.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.ceasefire.embedded.EmbeddedKafka;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code broker}: only the embedded KRaft broker, on a data directory that survives it, until stopped.
 * Started again on the same directory and port it serves the same topics and offsets, which is what
 * fault tests (a broker restart mid-stream) and local experiments need.
 */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = {"Run the embedded Kafka broker (KRaft) on a data directory that is kept, until SIGTERM or Ctrl-C;",
                "prints bootstrap.servers=... once ready. Started again on the same directory it resumes its data."})
public final class BrokerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", required = true, paramLabel = "DIR", description = "The broker's log directory (created and formatted when new).")
    Path dataDir;

    @Option(names = "--port", defaultValue = "0", description = "Broker port (default: a free one).")
    int port;

    @Option(names = "-D", paramLabel = "KEY=VALUE", description = "A broker setting, e.g. -D message.max.bytes=6291456.")
    Map<String, String> overrides = Map.of();

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(dataDir);
        EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, false, port, overrides);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            stopped.countDown();
        }, "broker-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        // Scripts and tests read this line: keep its form stable.
        out.println("bootstrap.servers=" + kafka.bootstrapServers());
        out.flush();
        stopped.await();
        return 0;
    }
}
