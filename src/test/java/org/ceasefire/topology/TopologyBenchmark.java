package org.ceasefire.topology;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;

import static org.awaitility.Awaitility.await;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.common.serialization.Serde;
import org.ceasefire.avro.ClaimType;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.Place;
import org.ceasefire.conflict.ConflictDefinition;
import org.ceasefire.conflict.Party;
import org.ceasefire.conflict.Sector;
import org.ceasefire.embedded.EmbeddedKafka;
import org.ceasefire.registry.EmbeddedSchemaRegistry;
import org.ceasefire.registry.serde.AvroSerdes;
import org.ceasefire.topics.Topics;

/**
 * Throughput of the topology against an exactly-once pass-through over the same records, on the embedded
 * broker and registry. A benchmark, not a test: run it by hand, e.g.
 * {@code mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt} and
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.ceasefire.topology.TopologyBenchmark 1000000}.
 *
 * <p>Statements spread over 50 sectors and one year; the statements topic uses CreateTime here with the
 * timestamp an hour after each incident, so that a year of history is not all "late" (with LogAppendTime a
 * bulk load of old statements would be), and pairing does its real work. It prints the group's lag per topic
 * every five seconds, which shows a stalled run: on the embedded broker, runs of 50,000 statements and more
 * have stalled with the Streams producer retrying CONCURRENT_TRANSACTIONS (transactions v2) indefinitely.
 */
public final class TopologyBenchmark {
    private static final int SECTORS = 50;
    private static final int PARTITIONS = 3;

    private TopologyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(); EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers())) {
            Map<String, Object> serdeConfig = Map.of("schema.registry.url", registry.url());
            Topics topics = Topics.defaults();
            ConflictDefinition conflict = conflict();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                List<NewTopic> created = new ArrayList<>();
                for (String topic : List.of(topics.statements(), topics.contradictions(), topics.sectorTallies(), topics.deadLetters(),
                        topics.late(), "passthrough.out")) {
                    created.add(new NewTopic(topic, PARTITIONS, (short) 1));
                }
                created.add(new NewTopic(topics.gazetteer(), 1, (short) 1));
                admin.createTopics(created).all().get();
                produce(kafka.bootstrapServers(), serdeConfig, topics, count);

                Topology passThrough = passThrough(topics.statements());
                double base = run("passthrough", passThrough, kafka.bootstrapServers(), serdeConfig, admin, topics.statements());
                Topology topology = CeasefireTopology.build(TopologyConfig.of(topics, conflict, serdeConfig));
                double full = run("ceasefire", topology, kafka.bootstrapServers(), serdeConfig, admin, topics.statements());
                System.out.printf("statements: %d over %d sectors%npass-through (exactly_once_v2): %.0f records/s%n"
                        + "topology (exactly_once_v2):     %.0f records/s%nratio: %.2f%n", count, SECTORS, count / base, count / full, base / full);
            }
        }
    }

    private static ConflictDefinition conflict() {
        List<Sector> sectors = new ArrayList<>();
        for (int i = 0; i < SECTORS; i++) {
            sectors.add(new Sector(String.format("S%02d", i), "Sector " + i));
        }
        return new ConflictDefinition(Fixtures.CONFLICT.id(), "benchmark", Fixtures.CONFLICT.sideOne(), Fixtures.CONFLICT.sideTwo(),
                List.of(new Party("EUMA", "monitor")), sectors);
    }

    private static void produce(String bootstrap, Map<String, Object> serdeConfig, Topics topics, int count) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        Serde<Place> placeSerde = AvroSerdes.specific(serdeConfig, false);
        try (KafkaProducer<String, Place> places = new KafkaProducer<>(props, new StringSerializer(), placeSerde.serializer())) {
            for (int i = 0; i < SECTORS; i++) {
                String id = String.format("p%02d", i);
                places.send(new ProducerRecord<>(topics.gazetteer(), id, Fixtures.place(id, List.of("Place " + i, "Mesto " + i),
                        Fixtures.assignment(String.format("S%02d", i), null, null)))).get();
            }
        }
        Serde<MinistryStatement> serde = AvroSerdes.specific(serdeConfig, false);
        Random random = new Random(42);
        Instant first = Instant.parse("2022-01-01T00:00:00Z");
        long spanMillis = Duration.ofDays(365).toMillis();
        String[] issuers = {"AM", "NK", "AZ", "AZ", "EUMA"};
        long began = System.nanoTime();
        try (KafkaProducer<String, MinistryStatement> producer = new KafkaProducer<>(props, new StringSerializer(), serde.serializer())) {
            for (int i = 0; i < count; i++) {
                // In time order with jitter, as statements reach the log.
                Instant start = first.plusMillis(spanMillis * i / count + random.nextInt(3_600_000));
                String issuer = issuers[random.nextInt(issuers.length)];
                ClaimType claim = issuer.equals("EUMA") ? ClaimType.OBSERVATION
                        : new ClaimType[] {ClaimType.ACCUSATION, ClaimType.ACCUSATION, ClaimType.DENIAL, ClaimType.CALM}[random.nextInt(4)];
                String id = "st-" + i;
                MinistryStatement.Builder builder = Fixtures.statement(id, issuer, claim, start.toString(), "Place " + random.nextInt(SECTORS));
                if (claim == ClaimType.ACCUSATION) {
                    builder.setAccused(issuer.equals("AZ") ? "AM" : "AZ");
                }
                builder.setText("Benchmark statement " + i + " about shelling near the line of contact, reported by the ministry.");
                MinistryStatement statement = builder.build();
                producer.send(new ProducerRecord<>(topics.statements(), null, start.plusSeconds(3600).toEpochMilli(), id, statement));
            }
        }
        System.out.printf("produced %d statements in %.1f s%n", count, (System.nanoTime() - began) / 1e9);
    }

    private static Topology passThrough(String input) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(input, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .to("passthrough.out", Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        return builder.build();
    }

    /** Seconds from start until the application has consumed everything, repartition topics included. */
    private static double run(String appId, Topology topology, String bootstrap, Map<String, Object> serdeConfig, Admin admin,
                              String input) throws Exception {
        Path stateDir = Files.createTempDirectory("benchmark-state-");
        Properties props = StreamsSettings.defaults(appId, bootstrap, null, serdeConfig);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        long began = System.nanoTime();
        try (KafkaStreams streams = new KafkaStreams(topology, props)) {
            streams.start();
            await().atMost(Duration.ofHours(2)).pollInterval(Duration.ofSeconds(5)).until(() -> caughtUp(admin, appId, input));
            double seconds = (System.nanoTime() - began) / 1e9;
            System.out.printf("%s: %.1f s%n", appId, seconds);
            streams.close(Duration.ofSeconds(30));
            return seconds;
        }
    }

    /** True when every partition the group reads is committed to its end (allowing one transaction marker each). */
    private static boolean caughtUp(Admin admin, String group, String input) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        long inputPartitions = committed.keySet().stream().filter(tp -> tp.topic().equals(input)).count();
        if (inputPartitions < PARTITIONS) {
            return false;
        }
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
        Map<String, Long> lagByTopic = new TreeMap<>();
        committed.forEach((tp, offset) -> lagByTopic.merge(tp.topic(), ends.get(tp).offset() - offset.offset(), Long::sum));
        System.out.printf("%s lag: %s%n", group, lagByTopic);
        return committed.entrySet().stream().allMatch(e -> ends.get(e.getKey()).offset() - e.getValue().offset() <= 1);
    }
}
