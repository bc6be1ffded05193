package org.ceasefire.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.registry.serde.AvroSerdes;
import org.ceasefire.topics.Topics;
import org.ceasefire.topology.CeasefireTopology;
import org.ceasefire.topology.StreamsSettings;
import org.ceasefire.topology.TopologyConfig;

/**
 * A benchmark child (not a test): one Kafka Streams application, exactly_once_v2, one stream thread,
 * reads a statements topic that already holds {@code count} records from the beginning, and reports
 * the records per second from RUNNING until the application has committed all of its input and all of
 * its repartition topics (its results are then visible to read_committed consumers).
 * <p>{@code mode}: {@code topology} (the ceasefire topology), {@code passthrough} (read Avro, write
 * Avro) or {@code groupby} (Avro groupBy location + count: the simplest stateful app).
 */
public final class StreamsRun {
    private StreamsRun() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        Resources resources = new Resources();
        String mode = args.get("mode");
        String bootstrap = args.get("bootstrap");
        Topics topics = new Topics(args.get("prefix"));
        String appId = args.get("appId");
        long count = args.getLong("count", -1);
        Path stateDir = Path.of(args.get("stateDir"));
        Map<String, Object> serdeConfig = Map.of("schema.registry.url", args.get("registry"));

        Topology topology = switch (mode) {
            case "topology" -> CeasefireTopology.build(TopologyConfig.of(topics,
                    Worlds.world((int) args.getLong("sectors", 50), args.getLong("seed", 1)).gazetteer().conflict(), serdeConfig));
            case "passthrough" -> passThrough(topics, serdeConfig);
            case "groupby" -> groupByCount(topics, serdeConfig);
            default -> throw new IllegalArgumentException("mode " + mode);
        };
        Properties props = StreamsSettings.defaults(appId, bootstrap, null, serdeConfig);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, args.getLong("commitMs", 100));
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, (int) args.getLong("threads", 1));
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");

        CountDownLatch running = new CountDownLatch(1);
        KafkaStreams streams = new KafkaStreams(topology, props);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
        long started = System.nanoTime();
        streams.start();
        if (!running.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("not RUNNING after 5 minutes: " + streams.state());
        }
        long t0 = System.nanoTime();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            // Earlier runs over the same dataset wrote to the same output topics.
            long pairsBefore = records(admin, List.of(topics.contradictions()));
            long talliesBefore = records(admin, List.of(topics.sectorTallies()));
            List<TopicPartition> watched = watchedPartitions(admin, topics.statements(), appId);
            long deadline = t0 + TimeUnit.MINUTES.toNanos(args.getLong("timeoutMinutes", 30));
            while (!caughtUp(admin, appId, watched, topics.statements()) || (mode.equals("topology") && !talliesPublished(streams))) {
                if (System.nanoTime() > deadline || streams.state() == KafkaStreams.State.ERROR) {
                    throw new IllegalStateException("did not catch up: " + streams.state());
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
            long t1 = System.nanoTime();
            double seconds = (t1 - t0) / 1e9;
            System.out.printf(Locale.ROOT, "RESULT seconds=%.3f%n", seconds);
            System.out.printf(Locale.ROOT, "RESULT startSeconds=%.3f%n", (t0 - started) / 1e9);
            System.out.printf(Locale.ROOT, "RESULT rate=%.0f%n", count / seconds);
            // CPU time of the stream threads per input record: less sensitive to a busy machine than the rate.
            System.out.printf(Locale.ROOT, "RESULT cpuMicrosPerRecord=%.1f%n", streamThreadCpuNanos() / 1e3 / count);
            if (mode.equals("topology")) {
                ReadOnlyKeyValueStore<String, Object> pairing = streams.store(StoreQueryParameters.fromNameAndType(
                        CeasefireTopology.PAIRING_STORE, QueryableStoreTypes.keyValueStore()));
                System.out.println("RESULT pairingEntries=" + pairing.approximateNumEntries());
                System.out.println("RESULT pairRecords=" + (records(admin, List.of(topics.contradictions())) - pairsBefore));
                System.out.println("RESULT tallyRecords=" + (records(admin, List.of(topics.sectorTallies())) - talliesBefore));
                List<String> internal = admin.listTopics().names().get().stream().filter(t -> t.startsWith(appId + "-")).sorted().toList();
                System.out.println("RESULT internalRecords=" + records(admin, internal));
                for (String topic : internal) {
                    System.out.println("records " + topic.substring(appId.length() + 1) + " " + records(admin, List.of(topic)));
                }
            }
        } finally {
            resources.print();
            streams.close(Duration.ofSeconds(30));
        }
        // After close: RocksDB has flushed its memtables, so the folder holds the whole state.
        System.out.println("RESULT stateMb=" + (Resources.directorySize(stateDir) >> 20));
        streams.cleanUp();
        System.out.flush();
        System.exit(0);
    }

    private static Topology passThrough(Topics topics, Map<String, Object> serdeConfig) {
        Serde<MinistryStatement> avro = AvroSerdes.specific(serdeConfig, false);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(topics.statements(), Consumed.with(Serdes.String(), avro))
                .to(topics.prefix() + "bench.passthrough", Produced.with(Serdes.String(), avro));
        return builder.build();
    }

    private static Topology groupByCount(Topics topics, Map<String, Object> serdeConfig) {
        Serde<MinistryStatement> avro = AvroSerdes.specific(serdeConfig, false);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(topics.statements(), Consumed.with(Serdes.String(), avro))
                .groupBy((key, statement) -> statement.getLocation(), Grouped.with("by-location", Serdes.String(), avro))
                .count(Materialized.as("bench-count"))
                .toStream()
                .to(topics.prefix() + "bench.groupby", Produced.with(Serdes.String(), Serdes.Long()));
        return builder.build();
    }

    /**
     * The sector stage publishes changed tallies once per commit interval, after their input has been
     * committed: the run ends when no tally waits to be published. Its marks are in memory behind a record
     * cache, so the underlying store is empty only once the drain itself has been committed.
     */
    private static boolean talliesPublished(KafkaStreams streams) {
        ReadOnlyKeyValueStore<String, Object> marks = streams.store(StoreQueryParameters.fromNameAndType(
                CeasefireTopology.CHANGED_TALLIES_STORE, QueryableStoreTypes.keyValueStore()));
        return marks.approximateNumEntries() == 0;
    }

    private static long streamThreadCpuNanos() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().contains("-StreamThread-"))
                .mapToLong(t -> Math.max(0, threads.getThreadCpuTime(t.getId())))
                .sum();
    }

    /** Records on the topics (end offsets, so transaction markers included: one per partition per commit). */
    private static long records(Admin admin, List<String> topicNames) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (TopicDescription d : admin.describeTopics(topicNames).allTopicNames().get().values()) {
            d.partitions().forEach(p -> request.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
        }
        return admin.listOffsets(request).all().get().values().stream().mapToLong(r -> r.offset()).sum();
    }

    /** The input topic and every repartition topic of the application. */
    private static List<TopicPartition> watchedPartitions(Admin admin, String input, String appId) throws Exception {
        Set<String> names = new HashSet<>();
        names.add(input);
        for (String topic : admin.listTopics().names().get()) {
            if (topic.startsWith(appId + "-") && topic.endsWith("-repartition")) {
                names.add(topic);
            }
        }
        Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get();
        return described.values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .toList();
    }

    /**
     * Every watched partition committed up to its last stable offset. A transactional topic ends with a
     * commit marker the group may not have committed past yet, so a repartition partition one short of
     * its end counts as caught up.
     */
    static boolean caughtUp(Admin admin, String group, List<TopicPartition> watched, String input) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        watched.forEach(tp -> request.put(tp, OffsetSpec.latest()));
        var ends = admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
        for (TopicPartition tp : watched) {
            long end = ends.get(tp).offset();
            OffsetAndMetadata c = committed.get(tp);
            long at = c == null ? 0 : c.offset();
            long slack = tp.topic().equals(input) ? 0 : 1;
            if (end > 0 && at < end - slack) {
                return false;
            }
        }
        return true;
    }

    static void deleteQuietly(Path dir) {
        try {
            if (Files.exists(dir)) {
                org.ceasefire.embedded.EmbeddedKafka.deleteRecursively(dir);
            }
        } catch (RuntimeException e) {
            // a leftover temp folder is harmless
        }
    }
}
