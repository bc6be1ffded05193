package org.ceasefire.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.config.AppConfig;
import org.ceasefire.embedded.EmbeddedKafka;
import org.ceasefire.testdata.LiveCluster;
import org.ceasefire.topics.Topics;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While Kafka Streams starts, restores or moves tasks between instances, the stores cannot be read:
 * every endpoint must then say so with a 503, a Retry-After and a JSON reason, never a 500.
 */
class StartUpAnswersIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dir;

    /** One answer that was neither a 200 nor an acceptable 503/404. */
    record Wrong(String path, int status, String body, String retryAfter) {
    }

    @Test
    @DisplayName("every API endpoint answers 200 or 503 (Retry-After, JSON reason) during start-up and while a second instance joins, never 500")
    void neverAnswers500WhileStoresMigrate() throws Exception {
        try (LiveCluster cluster = new LiveCluster()) {
            Topics topics = cluster.createTopics("startup.", 4);
            List<MinistryStatement> statements = LiveCluster.generated(1_500, 17);
            cluster.produce(topics, statements);
            String statementId = statements.get(0).getStatementId();
            List<String> paths = List.of("/api/conflict", "/api/sectors", "/api/sectors/SYUNIK/days?from=2020-01-01&to=2030-01-01",
                    "/api/contradictions", "/api/contradictions?limit=5&sector=SYUNIK", "/api/contradictions/no-such-pair",
                    "/api/statements/" + statementId, "/api/unresolved-places", "/api/discrepancies",
                    "/api/activity", "/api/casualties", "/api/map", "/api/operations",
                    "/internal/current-tallies", "/internal/contradictions", "/internal/unresolved-places",
                    "/internal/statements/" + statementId + "/revisions");

            int firstPort = EmbeddedKafka.freePort();
            Poller poller = new Poller(paths);
            poller.watch(firstPort);
            Thread polling = new Thread(poller, "start-up-poller");
            polling.start();
            try (CeasefireApp first = CeasefireApp.start(config(cluster, topics, "one", firstPort))) {
                awaitReady(firstPort);
                int duringStartUp = poller.unavailable();
                assertThat(duringStartUp).as("503 answers seen while the first instance started (the window was observed)").isPositive();

                int secondPort = EmbeddedKafka.freePort();
                poller.watch(secondPort);
                try (CeasefireApp second = CeasefireApp.start(config(cluster, topics, "two", secondPort))) {
                    awaitReady(firstPort);
                    awaitReady(secondPort);
                    // Keep asking through the rebalance the second instance caused: two more rounds over every path of both.
                    int round = poller.rounds();
                    await().atMost(Duration.ofSeconds(60)).until(() -> poller.rounds() >= round + 2);
                    poller.stop();
                    polling.join();
                    assertThat(poller.wrong()).as("answers other than 200, 503 with Retry-After and a reason, or 404 for an unknown id")
                            .isEmpty();
                    assertThat(poller.answered()).as("answers counted by status").containsKey(200);
                    // Kafka Streams may move tasks once more when the new instance has caught up: 503 until it settles.
                    for (int port : List.of(firstPort, secondPort)) {
                        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                            Reply sectors = get(port, "/api/sectors");
                            assertThat(sectors.status()).as(sectors.body()).isEqualTo(200);
                            assertThat(sectors.json().size()).isPositive();
                        });
                    }
                }
            } finally {
                poller.stop();
                polling.join();
            }
        }
    }

    private AppConfig config(LiveCluster cluster, Topics topics, String name, int port) {
        AppConfig base = cluster.appConfig(topics, 4, "startup-app", dir.resolve(name));
        Map<String, String> values = new HashMap<>();
        base.clientProperties().forEach((key, value) -> values.put(key, value.toString()));
        values.put("ceasefire.topic.prefix", topics.prefix());
        values.put("ceasefire.topic.replication.factor", "1");
        values.put("ceasefire.topic.partitions", "4");
        values.put("ceasefire.data.dir", dir.resolve(name + "-data").toString());
        values.put("ceasefire.http.port", String.valueOf(port));
        values.put("ceasefire.http.advertised", "127.0.0.1:" + port);
        return AppConfig.of(values);
    }

    private static void awaitReady(int port) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> get(port, "/ready").status() == 200);
    }

    record Reply(int status, String body, String retryAfter) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    static Reply get(int port, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body(), response.headers().firstValue("Retry-After").orElse(null));
    }

    /** Asks every path of every watched instance, round after round, and keeps what was answered. */
    private static final class Poller implements Runnable {
        private final List<String> paths;
        private final List<Integer> ports = new CopyOnWriteArrayList<>();
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final List<Wrong> wrong = new CopyOnWriteArrayList<>();
        private final Map<Integer, Integer> answered = new ConcurrentHashMap<>();
        private final AtomicInteger rounds = new AtomicInteger();

        Poller(List<String> paths) {
            this.paths = paths;
        }

        void watch(int port) {
            ports.add(port);
        }

        void stop() {
            stopped.set(true);
        }

        int unavailable() {
            return answered.getOrDefault(503, 0);
        }

        Map<Integer, Integer> answered() {
            return answered;
        }

        /** How many times every path of every watched port has been asked. */
        int rounds() {
            return rounds.get();
        }

        List<Wrong> wrong() {
            return new ArrayList<>(wrong);
        }

        @Override
        public void run() {
            while (!stopped.get()) {
                for (int port : ports) {
                    for (String path : paths) {
                        ask(port, path);
                    }
                }
                rounds.incrementAndGet();
            }
        }

        private void ask(int port, String path) {
            Reply reply;
            try {
                reply = get(port, path);
            } catch (IOException e) {
                return; // the server is not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped.set(true);
                return;
            }
            answered.merge(reply.status(), 1, Integer::sum);
            boolean acceptable = switch (reply.status()) {
                case 200 -> true;
                case 404 -> path.contains("no-such-pair") || path.startsWith("/api/statements/");
                case 503 -> reply.retryAfter() != null && hasReason(reply);
                default -> false;
            };
            if (!acceptable && wrong.size() < 20) {
                wrong.add(new Wrong(port + path, reply.status(), reply.body(), reply.retryAfter()));
            }
        }

        private static boolean hasReason(Reply reply) {
            try {
                return reply.json().path("reason").isTextual() && !reply.json().path("reason").asText().isBlank();
            } catch (IOException e) {
                return false;
            }
        }
    }
}
