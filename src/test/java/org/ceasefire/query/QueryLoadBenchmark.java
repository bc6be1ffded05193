package org.ceasefire.query;

import static org.ceasefire.query.ItStatements.accusation;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.ceasefire.avro.MinistryStatement;

/**
 * A load benchmark, not a test: starts the application on the embedded broker and registry,
 * preloads statements, keeps the topology busy ingesting, and loads the sector list and the
 * contradictions query from a second JVM ({@link QueryLoadGenerator}).
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.ceasefire.query.QueryLoadBenchmark [seconds] [threads] [preload]
 * </pre>
 */
public final class QueryLoadBenchmark {
    private static final String[] PLACES = {"Tegh", "Sotk", "Shushi", "Stepanakert", "Lachin corridor", "Nowhere"};
    private static final int INGEST_BATCH = 100;

    private QueryLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int preload = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        try (RunningApp app = new RunningApp(3)) {
            int port = app.startInstance().server().port();
            AtomicLong sent = new AtomicLong();
            for (int i = 0; i < preload; i += INGEST_BATCH) {
                app.send(batch(i, INGEST_BATCH));
            }
            sent.set(preload);
            TestHttp http = new TestHttp(port);
            org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> http.get("/api/contradictions?limit=1").json().path("items").size() == 1);
            System.out.printf("Preloaded %d statements; loading while ingesting batches of %d.%n", preload, INGEST_BATCH);

            AtomicBoolean loading = new AtomicBoolean(true);
            Thread ingest = new Thread(() -> {
                long next = sent.get();
                while (loading.get()) {
                    app.send(batch((int) next, INGEST_BATCH));
                    next += INGEST_BATCH;
                }
                sent.set(next);
            }, "benchmark-ingest");
            ingest.start();
            Instant began = Instant.now();
            Process load = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), QueryLoadGenerator.class.getName(),
                    "http://127.0.0.1:" + port, Integer.toString(seconds), Integer.toString(threads),
                    "/api/sectors", "/api/contradictions?limit=50", "/api/contradictions?limit=50&sector=SYUNIK&party=AZ")
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            int exit = load.waitFor();
            loading.set(false);
            ingest.join();
            long ingested = sent.get() - preload;
            double elapsed = Duration.between(began, Instant.now()).toMillis() / 1000.0;
            long pairs = 0;
            for (com.fasterxml.jackson.databind.JsonNode sector : http.get("/api/sectors").json()) {
                for (com.fasterxml.jackson.databind.JsonNode count : sector.path("all_time").path("contradictions")) {
                    pairs += count.asLong();
                }
            }
            System.out.printf("Offered %d statements during the load (%.0f/s); %d contradictions tallied when it ended; "
                    + "load generator exit %d.%n", ingested, ingested / elapsed, pairs, exit);
        }
    }

    /** Pairs of opposite accusations, one per incident hour, spread over places; some names unresolved. */
    private static MinistryStatement[] batch(int from, int size) {
        List<MinistryStatement> statements = new ArrayList<>();
        for (int i = from; i < from + size; i += 2) {
            String time = Instant.parse("2023-01-01T00:00:00Z").plus(Duration.ofHours(i / 2L * 7)).toString();
            String place = PLACES[(i / 2) % PLACES.length];
            statements.add(accusation("bench-am-" + i, "AM", "AZ", time, place));
            statements.add(accusation("bench-az-" + i, "AZ", "AM", time, place));
        }
        return statements.toArray(MinistryStatement[]::new);
    }
}
