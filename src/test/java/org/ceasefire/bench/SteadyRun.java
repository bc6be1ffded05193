package org.ceasefire.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.ingest.KafkaStatementSink;
import org.ceasefire.ingest.generator.StatementGenerator;
import org.ceasefire.ingest.generator.SyntheticGazetteer;
import org.ceasefire.registry.serde.AvroSerdes;
import org.ceasefire.topics.Topics;
import org.ceasefire.topology.CeasefireTopology;
import org.ceasefire.topology.StreamsSettings;
import org.ceasefire.topology.TopologyConfig;

/**
 * A benchmark child (not a test): the topology running live while generated statements are produced
 * at a fixed rate. Reports the end-to-end latency of tally updates (from the statement's log append
 * time, which the tally record inherits as its timestamp, to the moment a read_committed consumer
 * receives the tally) and samples the pairing store's size every second.
 * <p>With {@code compress=true} the generated timeline ({@code days} days) is squeezed into the run's
 * wall time and the pairing distance and horizon are scaled by the same factor, so the pairing store
 * goes through many retention periods within the run: its size must level off.
 */
public final class SteadyRun {
    private SteadyRun() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        Resources resources = new Resources();
        String bootstrap = args.get("bootstrap");
        Topics topics = new Topics(args.get("prefix"));
        Map<String, Object> serdeConfig = Map.of("schema.registry.url", args.get("registry"));
        long rate = args.getLong("rate", 5000);
        long seconds = args.getLong("seconds", 60);
        long warmupSeconds = args.getLong("warmupSeconds", 10);
        boolean compress = Boolean.parseBoolean(args.get("compress", "false"));
        int days = (int) args.getLong("days", 60); // the span of a compressed run
        long seed = args.getLong("seed", 1);
        SyntheticGazetteer.World world = Worlds.world((int) args.getLong("sectors", 50), seed);
        Path stateDir = Path.of(args.get("stateDir"));

        // Generated time per wall time when compressing: the whole timeline in `seconds`.
        double factor = compress ? days * 86_400.0 / seconds : 1.0;
        TopologyConfig config = TopologyConfig.of(topics, world.gazetteer().conflict(), serdeConfig);
        if (compress) {
            config = config.withHorizon(scale(config.horizon(), factor)).withPairingDistance(scale(config.pairingDistance(), factor));
        }
        Properties props = StreamsSettings.defaults(args.get("appId"), bootstrap, null, serdeConfig);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, args.getLong("commitMs", 100));
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        CountDownLatch running = new CountDownLatch(1);
        KafkaStreams streams = new KafkaStreams(CeasefireTopology.build(config), props);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
        streams.start();
        if (!running.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("not RUNNING: " + streams.state());
        }

        AtomicBoolean stop = new AtomicBoolean();
        long count = rate * seconds;
        long[] latencies = new long[(int) Math.min(Integer.MAX_VALUE - 8, count * 8)];
        AtomicLong latencyCount = new AtomicLong();
        AtomicLong measureFrom = new AtomicLong(Long.MAX_VALUE);
        Thread reader = new Thread(() -> readTallies(bootstrap, topics.sectorTallies(), stop, latencies, latencyCount, measureFrom), "tally-reader");
        reader.start();

        List<String> storeSeries = new ArrayList<>();
        long wallStart = System.currentTimeMillis();
        Thread sampler = new Thread(() -> {
            while (!stop.get()) {
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
                try {
                    ReadOnlyKeyValueStore<String, Object> pairing = streams.store(StoreQueryParameters.fromNameAndType(
                            CeasefireTopology.PAIRING_STORE, QueryableStoreTypes.keyValueStore()));
                    long entries = 0;
                    if (compress) {
                        // exact, and cheap while the store stays bounded
                        try (var all = pairing.all()) {
                            while (all.hasNext()) {
                                all.next();
                                entries++;
                            }
                        }
                    } else {
                        entries = pairing.approximateNumEntries();
                    }
                    synchronized (storeSeries) {
                        storeSeries.add((System.currentTimeMillis() - wallStart) / 1000 + ":" + entries);
                    }
                } catch (RuntimeException e) {
                    // the store is briefly unavailable during a rebalance: skip that sample
                }
            }
        }, "store-sampler");
        sampler.setDaemon(true);
        sampler.start();

        Instant genStart = StatementGenerator.DEFAULT_START;
        long produced;
        long sendStart = System.nanoTime();
        try (KafkaProducer<String, MinistryStatement> producer = new KafkaProducer<>(KafkaStatementSink.producerConfig(bootstrap),
                new StringSerializer(), AvroSerdes.<MinistryStatement>specific(serdeConfig, false).serializer())) {
            long[] sent = {0};
            // Uncompressed, the history has the density of every other benchmark's; compressed, `days` days.
            StatementGenerator generator = compress ? new StatementGenerator(world, seed, genStart, days) : Worlds.history(world, seed, count);
            generator.generate(count, statement -> {
                long due = sendStart + sent[0] * 1_000_000_000L / rate;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                if (sent[0] == rate * warmupSeconds) {
                    measureFrom.set(System.currentTimeMillis());
                }
                MinistryStatement out = compress ? rebase(statement, genStart, wallStart, factor) : statement;
                producer.send(new ProducerRecord<>(topics.statements(), out.getStatementId(), out));
                sent[0]++;
            });
            produced = sent[0];
        }
        double sendSeconds = (System.nanoTime() - sendStart) / 1e9;
        // Let the last transactions commit and reach the reader.
        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(5));
        stop.set(true);
        reader.join();

        int n = (int) Math.min(latencyCount.get(), latencies.length);
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "RESULT inputRate=%.0f%n", produced / sendSeconds);
        System.out.println("RESULT tallyUpdates=" + n);
        System.out.println("RESULT p50=" + percentile(sorted, 0.50));
        System.out.println("RESULT p99=" + percentile(sorted, 0.99));
        System.out.println("RESULT p999=" + percentile(sorted, 0.999));
        System.out.println("RESULT max=" + (n == 0 ? -1 : sorted[n - 1]));
        synchronized (storeSeries) {
            System.out.println("RESULT pairingSeries=" + String.join(",", storeSeries));
        }
        resources.print();
        streams.close(Duration.ofSeconds(30));
        System.out.println("RESULT stateMb=" + (Resources.directorySize(stateDir) >> 20));
        streams.cleanUp();
        System.out.flush();
        System.exit(0);
    }

    private static Duration scale(Duration d, double factor) {
        return Duration.ofMillis(Math.max(1, Math.round(d.toMillis() / factor)));
    }

    /** Moves a statement's times onto the wall clock, squeezed by {@code factor}, keeping their order and ratios. */
    private static MinistryStatement rebase(MinistryStatement s, Instant genStart, long wallStart, double factor) {
        MinistryStatement.Builder b = MinistryStatement.newBuilder(s)
                .setIncidentStart(squeeze(s.getIncidentStart(), genStart, wallStart, factor))
                .setPublishedAt(squeeze(s.getPublishedAt(), genStart, wallStart, factor));
        if (s.getIncidentEnd() != null) {
            b.setIncidentEnd(squeeze(s.getIncidentEnd(), genStart, wallStart, factor));
        }
        return b.build();
    }

    private static Instant squeeze(Instant t, Instant genStart, long wallStart, double factor) {
        return Instant.ofEpochMilli(wallStart + Math.round((t.toEpochMilli() - genStart.toEpochMilli()) / factor));
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    }

    private static void readTallies(String bootstrap, String topic, AtomicBoolean stop, long[] latencies, AtomicLong count,
                                    AtomicLong measureFrom) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.GROUP_ID_CONFIG, "bench-latency-" + System.nanoTime(),
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (!stop.get()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.currentTimeMillis();
                    if (record.timestamp() >= measureFrom.get()) {
                        long i = count.getAndIncrement();
                        if (i < latencies.length) {
                            latencies[(int) i] = now - record.timestamp();
                        }
                    }
                }
            }
        }
    }
}
