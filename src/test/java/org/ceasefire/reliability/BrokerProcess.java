package org.ceasefire.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The broker as its own process ({@code broker} command) on a data directory and port that survive restarts. */
final class BrokerProcess implements AutoCloseable {
    private final Path dataDir;
    private final Path logDir;
    /** 0 until the first start, which lets the broker choose; then the port it listens on, kept for restarts. */
    private int port;
    private final List<String> settings;
    private ChildJvm jvm;

    BrokerProcess(Path dataDir, Path logDir, List<String> settings) {
        this.dataDir = dataDir;
        this.logDir = logDir;
        this.settings = settings;
    }

    BrokerProcess start() {
        List<String> args = new ArrayList<>(List.of("broker", "--data-dir", dataDir.toString(), "--port", String.valueOf(port)));
        settings.forEach(s -> args.addAll(List.of("-D", s)));
        jvm = ChildJvm.start("broker", logDir, args);
        try {
            String bootstrap = jvm.awaitLine("bootstrap.servers=(\\S+)", Duration.ofSeconds(90));
            port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        } catch (RuntimeException e) {
            jvm.close();
            throw e;
        }
        return this;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The last lines the broker printed. */
    String tail() {
        return jvm.tail();
    }

    /** SIGTERM: a controlled shutdown. */
    void stop() {
        jvm.stop(Duration.ofSeconds(60));
        jvm.close();
    }

    /** SIGKILL: the broker dies with whatever it had not flushed in the page cache. */
    void kill() {
        jvm.kill();
        jvm.close();
    }

    @Override
    public void close() {
        if (jvm != null) {
            jvm.close();
        }
    }
}
