package org.ceasefire.query;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load side of {@link QueryLoadBenchmark}, run in its own JVM so that the client's work does
 * not share the server's heap and JIT: {@code QueryLoadGenerator <base-url> <seconds> <threads> <path>...}.
 * Each path is loaded in turn by closed-loop clients for the given time (bounded, loopback only),
 * then p50, p99 and requests/s are printed.
 */
public final class QueryLoadGenerator {
    private static final Duration WARM_UP = Duration.ofSeconds(3);
    private static final int MAX_REQUESTS_PER_CLIENT = 2_000_000;

    private QueryLoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        if (!URI.create(base).getHost().startsWith("127.")) {
            throw new IllegalArgumentException("The load generator only targets loopback addresses");
        }
        Duration duration = Duration.ofSeconds(Long.parseLong(args[1]));
        int threads = Integer.parseInt(args[2]);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (String path : Arrays.copyOfRange(args, 3, args.length)) {
            URI uri = URI.create(base + path);
            run(client, uri, WARM_UP, threads);
            Result result = run(client, uri, duration, threads);
            System.out.printf("%-40s %8d requests  %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  errors %d%n",
                    path, result.latenciesNanos.length, result.requestsPerSecond(), result.percentileMillis(50),
                    result.percentileMillis(99), result.errors);
        }
    }

    private record Result(long[] latenciesNanos, long errors, Duration elapsed) {
        double requestsPerSecond() {
            return latenciesNanos.length / (elapsed.toNanos() / 1e9);
        }

        double percentileMillis(int percentile) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(percentile / 100.0 * latenciesNanos.length) - 1;
            return latenciesNanos[Math.max(0, index)] / 1e6;
        }
    }

    private static Result run(HttpClient client, URI uri, Duration duration, int threads) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Long>>> clients = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                clients.add(pool.submit(() -> {
                    List<Long> latencies = new ArrayList<>();
                    for (int i = 0; i < MAX_REQUESTS_PER_CLIENT && System.nanoTime() < deadline; i++) {
                        long sent = System.nanoTime();
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        latencies.add(System.nanoTime() - sent);
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    }
                    return latencies;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> future : clients) {
                all.addAll(future.get());
            }
            long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
            return new Result(sorted, errors.get(), Duration.ofNanos(System.nanoTime() - start));
        } finally {
            pool.shutdownNow();
        }
    }
}
