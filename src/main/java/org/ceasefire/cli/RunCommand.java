package org.ceasefire.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.ceasefire.app.CeasefireApp;
import org.ceasefire.config.AppConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Runs one instance against a real cluster and registry, configured by file, environment and flags. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the pipeline, the query API and the dashboard against your Kafka cluster and Schema Registry.",
                "Start more instances with the same application.id to share the work. SIGTERM or Ctrl-C stops gracefully."})
public final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        AppConfig config = options.load();
        LOG.info("Configuration:\n{}", config.describe());
        CeasefireApp app = CeasefireApp.start(config);
        spec.commandLine().getOut().printf("ceasefire-monitor running; dashboard %s%n", app.url());
        spec.commandLine().getOut().flush();
        // SIGTERM and Ctrl-C run this hook: close commits the last transaction. A signal would otherwise
        // end the JVM with 143; a clean shutdown is reported as success, so the hook halts with 0.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping: closing the query server and Kafka Streams");
            app.close();
            LOG.info("Stopped cleanly");
            Runtime.getRuntime().halt(0);
        }, "ceasefire-shutdown"));
        new CountDownLatch(1).await();
        return 0;
    }
}
