package org.ceasefire.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.Place;
import org.ceasefire.embedded.EmbeddedKafka;
import org.ceasefire.ingest.GazetteerLoader;
import org.ceasefire.ingest.KafkaStatementSink;
import org.ceasefire.ingest.StatementJsonWriter;
import org.ceasefire.ingest.generator.GazetteerJsonWriter;
import org.ceasefire.ingest.generator.StatementGenerator;
import org.ceasefire.ingest.generator.SyntheticGazetteer;
import org.ceasefire.registry.EmbeddedSchemaRegistry;
import org.ceasefire.registry.serde.AvroSerdes;
import org.ceasefire.topics.TopicBootstrapper;
import org.ceasefire.topics.TopicSpec;
import org.ceasefire.topics.Topics;

/**
 * The whole pipeline measured in one run, on the embedded broker and registry (not a test):
 * Kafka's own limits (ProducerPerformance, ConsumerPerformance, an exactly_once_v2 pass-through
 * Streams app, a plain Avro groupBy+count), {@code ingest}, the topology at several sizes and sector
 * counts and two commit intervals, end-to-end latency at a fixed rate, the pairing store's size at a
 * steady rate, {@code replay}, and the serde. Every measured workload runs in its own JVM (so its
 * memory is its own, not the broker's), after one warm-up run of its kind, {@code repeats} times;
 * the table gives the median and min–max. BENCHMARKS.md says how to run it and what limits each figure.
 *
 * <p>Arguments, all {@code key=value} and optional: {@code counts=100000,1000000} (the topology's
 * sizes; the largest is also the size of every other measurement), {@code repeats=3},
 * {@code commit1sCount=} (size of the 1 s commit interval runs; default: the largest count), {@code limitsCount=} (size of the Kafka baselines and of ingest; default: the largest count), {@code wideSectors=5000},
 * {@code wideCount=} (default: the smallest count), {@code rates=5000} (latency runs, one per rate), {@code boundedRate=5000},
 * {@code latencySeconds=40}, {@code boundedSeconds=90}, {@code serdeWarmups=3}, {@code serdeSeconds=1} (the serde's JMH warm-up
 * iterations and seconds per iteration), {@code phases=serde,limits,ingest,topology,threads,dense,scale,latency,bounded,replay},
 * {@code replayHeap=512m}, {@code jfr=false} (one extra, unmeasured topology run with Java Flight Recorder), {@code out=target/bench}.
 */
public final class PipelineBenchmark {
    private static final long SEED = 1;
    private static final int PARTITIONS = 3;

    private final Args args;
    private final Path out;
    private final Path work;
    private final int repeats;
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private EmbeddedKafka kafka;
    private EmbeddedSchemaRegistry registry;
    private Admin admin;
    private int runs;

    private PipelineBenchmark(Args args) throws IOException {
        this.args = args;
        this.out = Path.of(args.get("out", "target/bench")).toAbsolutePath();
        Files.createDirectories(out);
        this.work = Files.createTempDirectory("ceasefire-bench-");
        this.repeats = (int) args.getLong("repeats", 3);
    }

    public static void main(String[] argv) throws Exception {
        new PipelineBenchmark(new Args(argv)).run();
        System.exit(0);
    }

    private void run() throws Exception {
        List<Long> counts = Arrays.stream(args.get("counts", "100000,1000000").split(",")).map(String::trim)
                .map(s -> Long.parseLong(s.replace("_", ""))).sorted().toList();
        Set<String> phases = Set.of(args.get("phases", "serde,limits,ingest,topology,threads,dense,scale,latency,bounded,replay").split(","));
        long began = System.nanoTime();
        log("load average at start: " + loadAverage());
        notes.add("load average at start: " + loadAverage());

        SyntheticGazetteer.World world = Worlds.world(50, SEED);
        Path worldFile = work.resolve("world-50.json");
        GazetteerJsonWriter.write(world, worldFile);

        try {
            if (phases.contains("serde")) {
                serde();
            }
            // The serde needs no broker: a serde-only run should not wait for datasets it does not use.
            if (phases.stream().anyMatch(p -> !p.equals("serde"))) {
                clusterPhases(phases, counts, world, worldFile);
            }
        } finally {
            EmbeddedKafka.deleteRecursively(work);
        }
        notes.add(String.format(Locale.ROOT, "load average at end: %s; whole run %.1f min", loadAverage(), (System.nanoTime() - began) / 60e9));
        report();
    }

    /** Every phase but the serde, on the embedded broker and registry. */
    private void clusterPhases(Set<String> phases, List<Long> counts, SyntheticGazetteer.World world, Path worldFile) throws Exception {
        long n = counts.get(counts.size() - 1);
        long small = counts.get(0);
        int wideSectors = (int) args.getLong("wideSectors", 5000);
        long wideCount = args.getLong("wideCount", small);
        kafka = EmbeddedKafka.start();
        registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers());
        admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()));
        try {
            Map<Long, String> datasets = new TreeMap<>();
            for (long count : counts) {
                datasets.put(count, dataset("d50-" + count + ".", world, count));
            }
            String mainPrefix = datasets.get(n);
            int size = recordSize;

            long limitsCount = args.getLong("limitsCount", n);
            if (phases.contains("limits")) {
                String limitsPrefix = limitsCount == n ? mainPrefix : dataset("d50-" + limitsCount + ".", world, limitsCount);
                int limitsSize = recordSize;
                limits(limitsCount, small, limitsSize, limitsPrefix, datasets.get(small));
                if (limitsCount != n) {
                    // The same Streams baselines at the topology's largest size, for a like-for-like ratio.
                    streamsBaselines(n, small, mainPrefix, datasets.get(small));
                }
            }
            if (phases.contains("ingest")) {
                ingest(world, worldFile, limitsCount, small);
            }
            if (phases.contains("topology")) {
                topology("d50-" + small + "-warmup", datasets.get(small), small, 50, 100, 1, true, false);
                for (long count : counts) {
                    topology(label(count, 50, 100), datasets.get(count), count, 50, 100, 1, false, false);
                }
                long slowCommitCount = args.getLong("commit1sCount", n);
                topology(label(slowCommitCount, 50, 1000), datasets.getOrDefault(slowCommitCount, mainPrefix), slowCommitCount, 50, 1000, 1, false, false);
                if (Boolean.parseBoolean(args.get("jfr", "false"))) {
                    topology("jfr", mainPrefix, n, 50, 100, 1, true, true);
                }
            }
            if (phases.contains("scale")) {
                SyntheticGazetteer.World wide = Worlds.world(wideSectors, SEED);
                String widePrefix = dataset("d" + wideSectors + "-" + wideCount + ".", wide, wideCount);
                topology(label(wideCount, wideSectors, 100), widePrefix, wideCount, wideSectors, 100, 1, false, false);
            }
            if (phases.contains("threads")) {
                topology(label(n, 50, 100) + ", 2 stream threads", mainPrefix, n, 50, 100, 2, false, false);
            }
            if (phases.contains("dense")) {
                long denseCount = args.getLong("denseCount", n);
                // The dense history is 1M statements over 730 days; fewer over proportionally fewer days is as dense.
                int days = (int) args.getLong("denseDays", StatementGenerator.DEFAULT_DAYS);
                String densePrefix = dataset("dense-" + denseCount + ".", world, denseCount, Worlds.history(world, SEED, days));
                topology(label(denseCount, 50, 100) + " over " + days + " days (dense)", densePrefix, denseCount, 50, 100, 1, false, false);
            }
            if (phases.contains("latency")) {
                for (String rate : args.get("rates", "5000").split(",")) {
                    steady(world, false, Long.parseLong(rate.trim()));
                }
            }
            if (phases.contains("bounded")) {
                steady(world, true, args.getLong("boundedRate", 5000));
            }
            if (phases.contains("replay")) {
                try {
                    replay(worldFile, mainPrefix, n, small, datasets.get(small));
                } catch (IllegalStateException e) {
                    // A failed child (e.g. out of memory at a small replayHeap) is reported, not fatal to the other figures.
                    notes.add("replay failed: " + e.getMessage());
                }
            }
        } finally {
            admin.close();
            registry.close();
            kafka.close();
        }
    }

    private static String label(long count, int sectors, long commitMs) {
        return String.format(Locale.ROOT, "topology, %,d statements, %,d sectors, commit %d ms", count, sectors, commitMs);
    }

    // ------------------------------------------------------------------ datasets

    private int recordSize;

    /** Topics under {@code prefix}, the gazetteer loaded and {@code count} generated statements produced (not measured). */
    private String dataset(String prefix, SyntheticGazetteer.World world, long count) throws Exception {
        return dataset(prefix, world, count, Worlds.history(world, SEED, count));
    }

    private String dataset(String prefix, SyntheticGazetteer.World world, long count, StatementGenerator history) throws Exception {
        Topics topics = new Topics(prefix);
        new TopicBootstrapper(admin).ensure(topics.specs(PARTITIONS, (short) 1));
        Map<String, Object> serde = Map.of("schema.registry.url", registry.url());
        new GazetteerLoader(kafka.bootstrapServers(), AvroSerdes.<Place>specific(serde, false).serializer())
                .load(world.gazetteer().places(), topics.gazetteer());
        Serializer<MinistryStatement> serializer = AvroSerdes.<MinistryStatement>specific(serde, false).serializer();
        AtomicLong bytes = new AtomicLong();
        long began = System.nanoTime();
        try (KafkaProducer<String, MinistryStatement> producer = new KafkaProducer<>(KafkaStatementSink.producerConfig(kafka.bootstrapServers()),
                new StringSerializer(), (topic, value) -> {
                    byte[] b = serializer.serialize(topic, value);
                    bytes.addAndGet(b.length);
                    return b;
                })) {
            history.generate(count, s -> producer.send(new ProducerRecord<>(topics.statements(), s.getStatementId(), s)));
        }
        recordSize = (int) (bytes.get() / Math.max(1, count));
        log(String.format(Locale.ROOT, "dataset %s: %,d statements, %d B mean Avro value, loaded in %.1f s", prefix, count, recordSize,
                (System.nanoTime() - began) / 1e9));
        return prefix;
    }

    private Path jsonLines(SyntheticGazetteer.World world, long count) throws IOException {
        Path file = work.resolve("statements-" + count + ".jsonl");
        if (!Files.exists(file)) {
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                 StatementJsonWriter writer = new StatementJsonWriter(o)) {
                Worlds.history(world, SEED, count).generate(count, s -> {
                    try {
                        writer.write(s);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
        return file;
    }

    // ------------------------------------------------------------------ phases

    private void limits(long n, long small, int recordSize, String prefix, String smallPrefix) throws Exception {
        Row producer = row(String.format(Locale.ROOT, "Kafka ProducerPerformance, %,d × %d B, acks=all, idempotent", n, recordSize), "records/s");
        for (int r = 0; r <= repeats; r++) {
            String topic = "bench.pp-" + r;
            new TopicBootstrapper(admin).ensure(List.of(new TopicSpec(topic, PARTITIONS, (short) 1, Map.of())));
            long records = r == 0 ? small : n;
            Map<String, String> res = child("producer-perf-" + r, List.of("-Xmx256m"), ToolRun.class, "producer", "--topic", topic,
                    "--num-records", String.valueOf(records), "--record-size", String.valueOf(recordSize), "--throughput", "-1",
                    "--command-property", "bootstrap.servers=" + kafka.bootstrapServers(), "acks=all", "enable.idempotence=true");
            if (r > 0) {
                producer.add(Double.parseDouble(res.get("pp.rate")), res);
            }
            admin.deleteTopics(List.of(topic)).all().get();
        }
        Row consumer = row(String.format(Locale.ROOT, "Kafka ConsumerPerformance, the same %,d statements (fetch rate)", n), "records/s");
        for (int r = 0; r <= repeats; r++) {
            Topics topics = new Topics(r == 0 ? smallPrefix : prefix);
            long records = r == 0 ? small : n;
            Map<String, String> res = child("consumer-perf-" + r, List.of("-Xmx256m"), ToolRun.class, "consumer", "--topic", topics.statements(),
                    "--num-records", String.valueOf(records), "--bootstrap-server", kafka.bootstrapServers(), "--group", "bench-cp-" + r,
                    "--timeout", "60000");
            if (r > 0) {
                consumer.add(Double.parseDouble(res.get("cp.rate")), res);
            }
        }
        streamsBaselines(n, small, prefix, smallPrefix);
    }

    private void streamsBaselines(long n, long small, String prefix, String smallPrefix) throws Exception {
        for (String mode : List.of("passthrough", "groupby")) {
            Row row = row(mode.equals("passthrough")
                    ? String.format(Locale.ROOT, "Streams pass-through (Avro in, Avro out), exactly_once_v2, %,d", n)
                    : String.format(Locale.ROOT, "Streams Avro groupBy(location)+count, exactly_once_v2, %,d", n), "records/s");
            for (int r = 0; r <= repeats; r++) {
                Map<String, String> res = streams(mode, r == 0 ? smallPrefix : prefix, r == 0 ? small : n, 50, 100, 1, List.of());
                if (r > 0) {
                    row.add(Double.parseDouble(res.get("rate")), res);
                }
            }
        }
    }

    private void ingest(SyntheticGazetteer.World world, Path worldFile, long n, long small) throws Exception {
        Row row = row(String.format(Locale.ROOT, "ingest (CLI) of %,d statements from JSON Lines", n), "statements/s");
        for (int r = 0; r <= repeats; r++) {
            long count = r == 0 ? small : n;
            Path file = jsonLines(world, count);
            Topics topics = new Topics("bench.ingest-" + r + ".");
            new TopicBootstrapper(admin).ensure(topics.specs(PARTITIONS, (short) 1));
            Map<String, String> res = child("ingest-" + r, List.of("-Xmx256m"), CliRun.class, "ingest",
                    "--bootstrap-servers", kafka.bootstrapServers(), "--schema-registry-url", registry.url(),
                    "--topic-prefix", topics.prefix(), "--conflict", worldFile.toString(), file.toString());
            if (r > 0) {
                row.add(count / Double.parseDouble(res.get("seconds")), res);
            }
            admin.deleteTopics(List.of(topics.statements())).all().get();
        }
    }

    private void topology(String label, String prefix, long count, int sectors, long commitMs, int threads, boolean once, boolean jfr)
            throws Exception {
        List<String> jvm = jfr ? List.of("-XX:FlightRecorderOptions=stackdepth=512", "-XX:StartFlightRecording=filename=" + out.resolve("topology.jfr") + ",settings=profile")
                : List.of();
        if (once) {
            Map<String, String> res = streams("topology", prefix, count, sectors, commitMs, threads, jvm);
            log(label + ": " + res.get("rate") + " statements/s (not in the table)");
            return;
        }
        Row row = row(label, "statements/s");
        for (int r = 0; r < repeats; r++) {
            Map<String, String> res = streams("topology", prefix, count, sectors, commitMs, threads, jvm);
            row.add(Double.parseDouble(res.get("rate")), res);
        }
    }

    private Map<String, String> streams(String mode, String prefix, long count, int sectors, long commitMs, int threads, List<String> jvm)
            throws Exception {
        String appId = "bench-" + mode + "-" + (++runs);
        if (!mode.equals("topology")) {
            // The broker does not create topics on demand.
            new TopicBootstrapper(admin).ensure(List.of(new TopicSpec(prefix + "bench." + mode, PARTITIONS, (short) 1, Map.of())));
        }
        Path state = work.resolve("state-" + appId);
        List<String> jvmArgs = new ArrayList<>(List.of("-Xmx512m"));
        jvmArgs.addAll(jvm);
        Map<String, String> res = child(appId, jvmArgs, StreamsRun.class, "mode=" + mode, "bootstrap=" + kafka.bootstrapServers(),
                "registry=" + registry.url(), "prefix=" + prefix, "appId=" + appId, "count=" + count, "sectors=" + sectors,
                "seed=" + SEED, "commitMs=" + commitMs, "threads=" + threads, "stateDir=" + state,
                // Give up only below 1,000 records a second: a 5M-statement topology run takes about half an hour.
                "timeoutMinutes=" + Math.max(30, count / 1_000 / 60));
        res.put("commitMs", String.valueOf(commitMs));
        res.put("count", String.valueOf(count));
        deleteTopicsOf(appId, prefix);
        EmbeddedKafka.deleteRecursively(state);
        return res;
    }

    private void deleteTopicsOf(String appId, String prefix) throws Exception {
        List<String> doomed = admin.listTopics().names().get().stream()
                .filter(t -> t.startsWith(appId + "-") || t.startsWith(prefix + "bench.")).toList();
        if (!doomed.isEmpty()) {
            admin.deleteTopics(doomed).all().get();
        }
    }

    private void steady(SyntheticGazetteer.World world, boolean compress, long rate) throws Exception {
        long seconds = compress ? args.getLong("boundedSeconds", 90) : args.getLong("latencySeconds", 40);
        int times = compress ? 1 : repeats;
        Row row = compress
                ? row(String.format(Locale.ROOT, "pairing store at %,d/s, timeline squeezed (horizon scaled), %d s", rate, seconds), "entries")
                : row(String.format(Locale.ROOT, "end-to-end latency at %,d statements/s, commit 100 ms, %d s (p50 | p99 | p99.9)", rate, seconds), "ms");
        for (int r = 0; r < times; r++) {
            String prefix = (compress ? "bench.bounded-" : "bench.latency-" + rate + "-") + r + ".";
            Topics topics = new Topics(prefix);
            new TopicBootstrapper(admin).ensure(topics.specs(PARTITIONS, (short) 1));
            new GazetteerLoader(kafka.bootstrapServers(), AvroSerdes.<Place>specific(Map.of("schema.registry.url", registry.url()), false).serializer())
                    .load(world.gazetteer().places(), topics.gazetteer());
            String appId = "bench-steady-" + (++runs);
            Path state = work.resolve("state-" + appId);
            Map<String, String> res = child(appId, List.of("-Xmx512m"), SteadyRun.class, "bootstrap=" + kafka.bootstrapServers(),
                    "registry=" + registry.url(), "prefix=" + prefix, "appId=" + appId, "rate=" + rate, "seconds=" + seconds,
                    "compress=" + compress, "sectors=50", "seed=" + SEED, "stateDir=" + state);
            if (compress) {
                String series = res.get("pairingSeries");
                List<Long> sizes = Arrays.stream(series.split(",")).filter(s -> s.contains(":"))
                        .map(s -> Long.parseLong(s.substring(s.indexOf(':') + 1))).toList();
                long peak = sizes.stream().mapToLong(Long::longValue).max().orElse(-1);
                long lastQuarterPeak = sizes.subList(sizes.size() * 3 / 4, sizes.size()).stream().mapToLong(Long::longValue).max().orElse(-1);
                long midPeak = sizes.subList(sizes.size() / 4, sizes.size() / 2).stream().mapToLong(Long::longValue).max().orElse(-1);
                row.add(peak, res);
                row.extra.put("series (s:entries)", series);
                row.extra.put("max 2nd quarter / max last quarter", midPeak + " / " + lastQuarterPeak);
            } else {
                row.add(Double.parseDouble(res.get("p99")), res);
                row.triples.add(res.get("p50") + " | " + res.get("p99") + " | " + res.get("p999"));
            }
            admin.deleteTopics(admin.listTopics().names().get().stream().filter(t -> t.startsWith(appId + "-")).toList()).all().get();
            EmbeddedKafka.deleteRecursively(state);
        }
    }

    private void replay(Path worldFile, String prefix, long n, long small, String smallPrefix) throws Exception {
        Row row = row(String.format(Locale.ROOT, "replay (CLI, offline) of the %,d statements", n), "statements/s");
        for (int r = 0; r <= repeats; r++) {
            Path dir = work.resolve("replay-" + r);
            Map<String, String> res = child("replay-" + r, List.of("-Xmx" + args.get("replayHeap", "512m")), CliRun.class, "replay",
                    "--bootstrap-servers", kafka.bootstrapServers(), "--schema-registry-url", registry.url(),
                    "--topic-prefix", r == 0 ? smallPrefix : prefix, "-D", "ceasefire.conflict.file=" + worldFile, "-o", dir.toString());
            if (r > 0) {
                row.add(n / Double.parseDouble(res.get("seconds")), res);
            }
            EmbeddedKafka.deleteRecursively(dir);
        }
    }

    /**
     * JMH in one fork (its own JVM, as every other workload), after its warm-up iterations; each
     * measurement iteration is one value of the row, and there are at least 3 so that the median
     * and min–max mean something even when {@code repeats} is 1.
     */
    private void serde() throws Exception {
        Map<String, String> r = child("serde", List.of("-Xmx256m"), SerdeJmhRun.class, "forks=1",
                "warmups=" + args.getLong("serdeWarmups", 3), "iterations=" + Math.max(repeats, 3),
                "seconds=" + args.getLong("serdeSeconds", 1), "heap=512m", "json=" + out.resolve("serde-jmh.json"));
        for (String kind : List.of("serialize", "deserialize")) {
            Row row = row("serde " + kind + " (JMH, 1 thread, ~" + r.get("recordBytes") + " B records)", "records/s");
            Arrays.stream(r.get(kind).split(";")).mapToDouble(Double::parseDouble).forEach(row.values::add);
        }
    }

    // ------------------------------------------------------------------ children

    private static final Pattern PP_FINAL = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec .*50th");

    private Map<String, String> child(String name, List<String> jvmArgs, Class<?> main, String... childArgs) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(Arrays.asList(childArgs));
        Path logFile = work.resolve(name + ".log");
        long began = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        if (!process.waitFor(60, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not finish in an hour");
        }
        List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
        Files.copy(logFile, out.resolve(name + ".log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Map<String, String> results = new LinkedHashMap<>();
        String cpHeader = null;
        for (String line : lines) {
            if (line.startsWith("RESULT ")) {
                int eq = line.indexOf('=');
                results.put(line.substring(7, eq), line.substring(eq + 1));
            }
            Matcher pp = PP_FINAL.matcher(line);
            if (pp.find()) {
                results.put("pp.rate", pp.group(2));
            }
            if (line.startsWith("start.time")) {
                cpHeader = line;
            } else if (cpHeader != null && !results.containsKey("cp.rate") && line.contains(",")) {
                List<String> header = Arrays.stream(cpHeader.split(",")).map(String::trim).toList();
                String[] values = line.split(",");
                results.put("cp.rate", values[header.indexOf("fetch.nMsg.sec")].trim());
            }
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + out.resolve(name + ".log"));
        }
        log(String.format(Locale.ROOT, "%-22s %5.1f s  %s", name, (System.nanoTime() - began) / 1e9, results));
        return results;
    }

    // ------------------------------------------------------------------ report

    private Row row(String label, String unit) {
        return rows.computeIfAbsent(label, l -> new Row(l, unit));
    }

    private static final class Row {
        final String label;
        final String unit;
        final List<Double> values = new ArrayList<>();
        final List<Map<String, String>> results = new ArrayList<>();
        final List<String> triples = new ArrayList<>();
        final Map<String, String> extra = new LinkedHashMap<>();

        Row(String label, String unit) {
            this.label = label;
            this.unit = unit;
        }

        void add(double value, Map<String, String> result) {
            values.add(value);
            if (result != null) {
                results.add(result);
            }
        }

        double median() {
            double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        }

        String memory() {
            long heap = max("heapPeakMb");
            long live = max("heapLiveMb");
            long rss = max("rssPeakMb");
            long xmx = max("heapMaxMb");
            long state = max("stateMb");
            StringBuilder b = new StringBuilder();
            if (heap >= 0) {
                b.append(String.format(Locale.ROOT, "heap peak %d MB (live after GC %d MB, -Xmx%dm), RSS %d MB", heap, live, xmx, rss));
            }
            if (state >= 0) {
                b.append(String.format(Locale.ROOT, "; state on disk %d MB", state));
            }
            long pairs = max("pairingEntries");
            if (pairs >= 0) {
                b.append(String.format(Locale.ROOT, "; pairing store %,d entries", pairs));
            }
            if (!results.isEmpty() && results.get(0).containsKey("cpuMicrosPerRecord")) {
                double[] v = results.stream().mapToDouble(r -> Double.parseDouble(r.get("cpuMicrosPerRecord"))).sorted().toArray();
                b.append(String.format(Locale.ROOT, "; stream-thread CPU %.1f µs per record (median)", v[v.length / 2]));
            }
            long count = max("count");
            long pairRecords = max("pairRecords");
            if (pairRecords >= 0 && count > 0) {
                double micros = 1e6 / median();
                double pairsPerStatement = (double) pairRecords / count;
                b.append(String.format(Locale.ROOT, "; per statement: %.2f pair records, %.2f tally records, %.1f internal records"
                                + " (repartition and changelog); %.1f µs per statement, %.1f µs per pair record",
                        pairsPerStatement, (double) max("tallyRecords") / count, (double) max("internalRecords") / count,
                        micros, micros / Math.max(pairsPerStatement, 1e-9)));
            }
            return b.toString();
        }

        long max(String key) {
            return results.stream().filter(r -> r.containsKey(key)).mapToLong(r -> Long.parseLong(r.get(key))).max().orElse(-1);
        }
    }

    private void report() throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("| measurement | unit | median | min – max | runs | memory, state |\n| --- | --- | ---: | ---: | ---: | --- |\n");
        Map<String, Double> medians = new LinkedHashMap<>();
        for (Row row : rows.values()) {
            if (row.values.isEmpty()) {
                continue;
            }
            double min = row.values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
            double max = row.values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            medians.put(row.label, row.median());
            String median = row.triples.isEmpty() ? fmt(row.median()) : "p99 " + fmt(row.median());
            b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s – %s | %d | %s |%n", row.label, row.unit, median, fmt(min), fmt(max),
                    row.values.size(), row.memory() + (row.triples.isEmpty() ? "" : "; runs p50 | p99 | p99.9: " + String.join(" ; ", row.triples))
                            + (row.extra.isEmpty() ? "" : "; " + row.extra)));
        }
        b.append('\n');
        Double pass = medians.entrySet().stream().filter(e -> e.getKey().startsWith("Streams pass-through")).map(Map.Entry::getValue).findFirst().orElse(null);
        Double group = medians.entrySet().stream().filter(e -> e.getKey().startsWith("Streams Avro groupBy")).map(Map.Entry::getValue).findFirst().orElse(null);
        Double producer = medians.entrySet().stream().filter(e -> e.getKey().startsWith("Kafka ProducerPerformance")).map(Map.Entry::getValue).findFirst().orElse(null);
        for (Map.Entry<String, Double> e : medians.entrySet()) {
            if (e.getKey().startsWith("topology")) {
                // Against the baselines over the same number of records (else the largest).
                Matcher m = Pattern.compile("topology, ([\\d,]+) statements").matcher(e.getKey());
                String count = m.find() ? m.group(1) : "?";
                Double p = medians.entrySet().stream().filter(x -> x.getKey().startsWith("Streams pass-through") && x.getKey().endsWith(" " + count))
                        .map(Map.Entry::getValue).findFirst().orElse(pass);
                Double g = medians.entrySet().stream().filter(x -> x.getKey().startsWith("Streams Avro groupBy") && x.getKey().endsWith(" " + count))
                        .map(Map.Entry::getValue).findFirst().orElse(group);
                if (p != null) {
                    b.append(String.format(Locale.ROOT, "- %s: %.3f × pass-through (%s/s)%s%n", e.getKey(), e.getValue() / p, fmt(p),
                            g == null ? "" : String.format(Locale.ROOT, ", %.3f × groupBy+count (%s/s)", e.getValue() / g, fmt(g))));
                }
            }
            if (e.getKey().startsWith("ingest") && producer != null) {
                b.append(String.format(Locale.ROOT, "- %s: %.2f × ProducerPerformance%n", e.getKey(), e.getValue() / producer));
            }
        }
        for (String note : notes) {
            b.append("- ").append(note).append('\n');
        }
        Path file = out.resolve("results.md");
        Files.writeString(file, b.toString());
        System.out.println();
        System.out.println(b);
        System.out.println("Written to " + file + "; each child's output beside it.");
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void log(String message) {
        System.out.println(Instant.now().toString().substring(11, 19) + " " + message);
    }
}
