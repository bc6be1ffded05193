package org.ceasefire.ingest;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.Serializer;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.cli.Main;
import org.ceasefire.conflict.GazetteerFile;
import org.ceasefire.embedded.EmbeddedKafka;
import org.ceasefire.ingest.generator.SpellingBook;
import org.ceasefire.ingest.generator.StatementGenerator;
import org.ceasefire.ingest.generator.SyntheticGazetteer;
import org.ceasefire.registry.EmbeddedSchemaRegistry;
import org.ceasefire.registry.serde.AvroSerdes;
import org.ceasefire.topics.TopicBootstrapper;
import org.ceasefire.topics.TopicSpec;
import org.ceasefire.topics.Topics;

/**
 * Not a test: measures {@code ingest} of generated statements from a file to the embedded broker and
 * registry, next to Kafka's own ProducerPerformance with the same record size, acks=all and
 * idempotence, on the same broker in the same run. Each client runs in its own JVM with the same
 * heap limit, so its peak heap is its own and not the broker's.
 *
 * <pre>
 * mvn -q test-compile &amp;&amp; mvn -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.ceasefire.ingest.IngestBenchmark [COUNT] [HEAP]
 * </pre>
 * COUNT defaults to 1,000,000 statements, HEAP (the clients' -Xmx) to 256m.
 */
public final class IngestBenchmark {
    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long count = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        String heap = args.length > 1 ? args[1] : "256m";
        Path dir = Files.createTempDirectory("ingest-benchmark-");
        Path input = dir.resolve("statements.jsonl");

        long began = System.nanoTime();
        generate(count, input);
        double generateSeconds = (System.nanoTime() - began) / 1e9;
        System.out.printf(Locale.ROOT, "generated %,d statements (%,d MB) in %.1f s%n", count, Files.size(input) >> 20, generateSeconds);

        try (EmbeddedKafka kafka = EmbeddedKafka.start();
             EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers())) {
            Topics topics = Topics.defaults();
            TopicSpec perfTopic = new TopicSpec("producer-performance", 3, (short) 1, Map.of());
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                List<TopicSpec> specs = new ArrayList<>(topics.specs(3, (short) 1));
                specs.add(perfTopic);
                new TopicBootstrapper(admin).ensure(specs);
            }
            int recordSize = averageAvroSize(input, registry.url());
            System.out.printf(Locale.ROOT, "average Avro value size: %d bytes%n", recordSize);

            String ingest = runJava(heap, IngestChild.class.getName(), "ingest", "--bootstrap-servers", kafka.bootstrapServers(),
                    "--schema-registry-url", registry.url(), input.toString());
            String perf = runJava(heap, ProducerPerformanceChild.class.getName(), "--topic", perfTopic.name(),
                    "--num-records", String.valueOf(count), "--record-size", String.valueOf(recordSize), "--throughput", "-1",
                    "--command-property", "bootstrap.servers=" + kafka.bootstrapServers(), "acks=all", "enable.idempotence=true");
            System.out.println("--- ceasefire-monitor ingest (-Xmx" + heap + ") ---");
            System.out.print(ingest);
            System.out.println("--- Kafka ProducerPerformance, " + recordSize + "-byte records, acks=all, idempotent (-Xmx" + heap + ") ---");
            System.out.print(perf);
        } finally {
            Files.deleteIfExists(input);
            Files.deleteIfExists(dir.resolve("statements.jsonl.rejects.jsonl"));
            Files.deleteIfExists(dir);
        }
    }

    private static void generate(long count, Path file) throws IOException {
        SyntheticGazetteer.World world = new SyntheticGazetteer.World(GazetteerFile.builtIn(), SpellingBook.builtIn());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             StatementJsonWriter writer = new StatementJsonWriter(out)) {
            new StatementGenerator(world, 1).generate(count, statement -> {
                try {
                    writer.write(statement);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** The mean size of the serialized values of the first 10,000 statements, for ProducerPerformance's --record-size. */
    private static int averageAvroSize(Path input, String registryUrl) throws IOException {
        StatementChecker checker = new StatementChecker(new org.ceasefire.contract.StatementValidator(GazetteerFile.builtIn().conflict()));
        Serializer<MinistryStatement> serializer = AvroSerdes.<MinistryStatement>specific(Map.of("schema.registry.url", registryUrl), false).serializer();
        long bytes = 0;
        int n = 0;
        try (JsonLinesReader reader = new JsonLinesReader(Files.newBufferedReader(input), input.toString())) {
            RawRecord record;
            while (n < 10_000 && (record = reader.next()) != null) {
                bytes += serializer.serialize("ceasefire.statements", checker.check(record).statement()).length;
                n++;
            }
        }
        return (int) (bytes / Math.max(1, n));
    }

    private static String runJava(String heap, String mainClass, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("benchmark-child", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(30, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
            StringBuilder relevant = new StringBuilder();
            // The children log at INFO/DEBUG; only their results matter here.
            for (String line : Files.readAllLines(log)) {
                if (!line.contains(" DEBUG ") && !line.contains(" INFO ") && !line.contains(" WARN ")) {
                    relevant.append(line).append('\n');
                }
            }
            relevant.append("exit code ").append(process.exitValue()).append('\n');
            return relevant.toString();
        } finally {
            Files.deleteIfExists(log);
        }
    }

    static String peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return String.format(Locale.ROOT, "peak heap %d MB (sum of the heap pools' peaks), max %d MB", peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }

    /** Runs the CLI and prints its own peak heap. */
    public static final class IngestChild {
        public static void main(String[] args) {
            int code = Main.commandLine().execute(args);
            System.out.println(peakHeap());
            System.exit(code);
        }
    }

    /** Runs ProducerPerformance and prints its own peak heap. */
    public static final class ProducerPerformanceChild {
        public static void main(String[] args) throws Exception {
            org.apache.kafka.tools.ProducerPerformance.main(args);
            System.out.println(peakHeap());
            System.exit(0);
        }
    }
}
