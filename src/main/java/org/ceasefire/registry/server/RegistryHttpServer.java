package org.ceasefire.registry.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.ceasefire.registry.store.RegistryService;

/** The JDK's HTTP server with the registry's REST handler, on a small pool of daemon threads. */
public final class RegistryHttpServer implements AutoCloseable {

    /** Larger request bodies get 413; real schemas are far smaller. */
    public static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
    private static final int THREADS = 8;

    private final HttpServer server;
    private final ExecutorService executor;
    private final String url;

    private RegistryHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
        String host = server.getAddress().getHostString();
        this.url = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.getAddress().getPort();
    }

    public static RegistryHttpServer start(RegistryService service, String host, int port) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
        }
        AtomicInteger count = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "schema-registry-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", new RegistryRestHandler(service, MAX_BODY_BYTES));
        server.start();
        return new RegistryHttpServer(server, executor);
    }

    public String url() {
        return url;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
