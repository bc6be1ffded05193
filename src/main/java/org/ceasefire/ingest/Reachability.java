package org.ceasefire.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.ceasefire.config.Secrets;

/**
 * Checks, before anything is sent, that the broker and the schema registry answer, so that a wrong
 * address fails in seconds with a message naming it instead of after the producer's long timeouts.
 * Each check returns the problem, or empty when all is well.
 */
public final class Reachability {
    private final Duration timeout;

    public Reachability(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * The broker answers a metadata request, and the topics exist (the broker may refuse to create them).
     * {@code clientProperties} holds {@code bootstrap.servers} and, on a secured cluster, its security keys.
     */
    public Optional<String> broker(Map<String, Object> clientProperties, String configuredBy, List<String> topics) {
        int millis = (int) timeout.toMillis();
        String bootstrapServers = String.valueOf(clientProperties.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
        Map<String, Object> config = new java.util.HashMap<>(clientProperties);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        // One quick attempt: a broker that is down should not be retried for a minute.
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "ceasefire-ingest-check");
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(millis, TimeUnit.MILLISECONDS);
            List<String> missing = topics.stream().filter(topic -> !existing.contains(topic)).toList();
            if (!missing.isEmpty()) {
                return Optional.of("The Kafka broker at " + bootstrapServers + " (" + configuredBy + ") has no topic "
                        + String.join(", ", missing) + ": create the topics first (dev-cluster does), or check --topic-prefix");
            }
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("Interrupted while checking the Kafka broker at " + bootstrapServers);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            Optional<String> setting = KafkaSettingErrors.describe(e);
            if (setting.isPresent()) {
                return setting;
            }
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            return Optional.of(Secrets.redactText("Cannot reach the Kafka broker at " + bootstrapServers + " (" + configuredBy
                    + ") within " + timeout.toSeconds() + " s: " + describe(cause)));
        }
    }

    /**
     * The schema registry answers {@code GET /subjects}. An in-memory {@code mock://} registry
     * needs no check. With several URLs, one that answers is enough, as for the serde itself.
     */
    public Optional<String> registry(String urls, String configuredBy) {
        if (urls.startsWith("mock://")) {
            return Optional.empty();
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
        String lastProblem = "no URL given";
        for (String url : urls.split(",")) {
            String base = url.trim().replaceAll("/+$", "");
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/subjects")).timeout(timeout).GET().build();
                HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() / 100 == 2) {
                    return Optional.empty();
                }
                lastProblem = "GET " + base + "/subjects answered HTTP " + response.statusCode();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of("Interrupted while checking the schema registry at " + Secrets.redactText(urls));
            } catch (IOException | IllegalArgumentException e) {
                lastProblem = describe(e);
            }
        }
        return Optional.of(Secrets.redactText("Cannot reach the schema registry at " + urls + " (" + configuredBy + "): " + lastProblem));
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
