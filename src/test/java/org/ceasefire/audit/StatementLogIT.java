package org.ceasefire.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.ceasefire.embedded.EmbeddedKafkaExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StatementLogIT {
    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    @Test
    @DisplayName("the log is read across partitions in append-time order, and --as-of stops at what had been appended by then")
    void mergesPartitionsAndStopsAtAsOf() throws Exception {
        String topic = "log-order";
        Map<String, Object> client = Map.of("bootstrap.servers", KAFKA.bootstrapServers());
        try (Admin admin = Admin.create(client)) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1)
                    .configs(Map.of("message.timestamp.type", "LogAppendTime")))).all().get();
        }
        Instant between;
        // Where the broker put each record, by its value: what the log must report for it.
        Map<String, String> positions = new java.util.HashMap<>();
        try (var producer = new KafkaProducer<>(client, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 30; i++) {
                var sent = producer.send(new ProducerRecord<>(topic, "s-" + i, "first-" + i)).get();
                positions.put("first-" + i, sent.partition() + "@" + sent.offset());
            }
            between = Instant.ofEpochMilli(System.currentTimeMillis());
            // Wait until the broker's clock has moved past 'between', so the second batch is appended strictly later.
            org.awaitility.Awaitility.await().until(() -> System.currentTimeMillis() > between.toEpochMilli() + 5);
            for (int i = 0; i < 30; i++) {
                var sent = producer.send(new ProducerRecord<>(topic, "s-" + i, "second-" + i)).get();
                positions.put("second-" + i, sent.partition() + "@" + sent.offset());
            }
        }

        List<LoggedRecord> all = readAll(client, topic, null);
        assertThat(all).hasSize(60);
        assertThat(all).allSatisfy(r -> assertThat(r.partition() + "@" + r.offset()).as("position of %s",
                new String(r.value(), StandardCharsets.UTF_8)).isEqualTo(positions.get(new String(r.value(), StandardCharsets.UTF_8))));
        assertThat(all.stream().map(LoggedRecord::partition).distinct().count()).as("spread over partitions").isGreaterThan(1);
        for (int i = 1; i < all.size(); i++) {
            LoggedRecord a = all.get(i - 1);
            LoggedRecord b = all.get(i);
            assertThat(a.timestamp() < b.timestamp() || (a.timestamp() == b.timestamp()
                    && (a.partition() < b.partition() || (a.partition() == b.partition() && a.offset() < b.offset()))))
                    .as("record %d is in log order", i).isTrue();
        }

        List<LoggedRecord> asOf = readAll(client, topic, between);
        assertThat(asOf).hasSize(30);
        assertThat(asOf).allSatisfy(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8)).startsWith("first-"));
    }

    private static List<LoggedRecord> readAll(Map<String, Object> client, String topic, Instant asOf) {
        List<LoggedRecord> records = new ArrayList<>();
        try (StatementLog log = new StatementLog(client, topic, asOf)) {
            assertThat(log.total()).isEqualTo(60);
            log.forEachRemaining(records::add);
        }
        return records;
    }
}
