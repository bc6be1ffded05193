package org.ceasefire.registry.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.ceasefire.registry.store.RegistryService;

/**
 * The registry's REST handler on Jetty. A connection that sends nothing for {@link #IDLE_TIMEOUT}
 * (also halfway through its headers or its body) is closed, and headers are read without holding
 * a thread, so clients that stall cannot take the threads the others need. Every error, Jetty's
 * own included, is Confluent's JSON error body.
 */
public final class RegistryHttpServer implements AutoCloseable {

    /** Larger request bodies get 413; real schemas are far smaller. */
    public static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
    /** How long a connection may stay silent, idle or mid-request, before it is closed. */
    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_THREADS = 200;
    private static final int MIN_THREADS = 4;

    private final Server server;
    private final String url;

    private RegistryHttpServer(Server server, String url) {
        this.server = server;
        this.url = url;
    }

    public static RegistryHttpServer start(RegistryService service, String host, int port) {
        return start(service, host, port, BasicAuth.NONE, IDLE_TIMEOUT);
    }

    /**
     * @param auth        the credentials a request must carry ({@link BasicAuth#NONE}: none)
     * @param idleTimeout how long a connection may send nothing before it is closed
     */
    public static RegistryHttpServer start(RegistryService service, String host, int port, BasicAuth auth,
            Duration idleTimeout) {
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, MIN_THREADS);
        threads.setName("schema-registry-http");
        threads.setDaemon(true);
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // A subject may contain '/', sent as %2F, as Confluent's clients do.
        http.setUriCompliance(UriCompliance.DEFAULT.with("subjects with '/'",
                UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR, UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING));
        http.setHttpCompliance(HttpCompliance.RFC7230);
        // A daemon scheduler, as the pool's threads: an open registry never keeps the JVM from exiting.
        ServerConnector connector = new ServerConnector(server, null,
                new ScheduledExecutorScheduler("schema-registry-http-scheduler", true), null, -1, -1,
                new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(idleTimeout.toMillis());
        server.addConnector(connector);
        RegistryRestHandler rest = new RegistryRestHandler(service, MAX_BODY_BYTES, auth);
        server.setHandler(new AbstractHandler() {
            @Override
            public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
                    throws IOException {
                base.setHandled(true);
                rest.handle(new JettyExchange(request, response));
            }
        });
        server.setErrorHandler(new JsonErrorHandler());
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // already failing
            }
            throw new UncheckedIOException("cannot listen on " + host + ":" + port,
                    e instanceof IOException io ? io : new IOException(e.getMessage(), e));
        }
        String bound = connector.getHost() == null ? "127.0.0.1" : connector.getHost();
        String url = "http://" + (bound.contains(":") ? "[" + bound + "]" : bound) + ":" + connector.getLocalPort();
        return new RegistryHttpServer(server, url);
    }

    public String url() {
        return url;
    }

    /** Connections the server holds open now, idle or mid-request (what a monitor of slow clients watches). */
    public int openConnections() {
        return server.getConnectors()[0].getConnectedEndPoints().size();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the schema registry's HTTP server", e);
        }
    }

    /** A servlet request and response as a {@link RestExchange}. */
    private record JettyExchange(HttpServletRequest request, HttpServletResponse response) implements RestExchange {

        @Override
        public String method() {
            return request.getMethod();
        }

        @Override
        public String rawPath() {
            return request.getRequestURI();
        }

        @Override
        public String rawQuery() {
            return request.getQueryString();
        }

        @Override
        public String header(String name) {
            return request.getHeader(name);
        }

        @Override
        public InputStream body() throws IOException {
            return request.getInputStream();
        }

        @Override
        public void respond(int status, String contentType, String[] extraHeader, byte[] body) throws IOException {
            response.setStatus(status);
            response.setContentType(contentType);
            if (extraHeader != null) {
                response.setHeader(extraHeader[0], extraHeader[1]);
            }
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }
}
