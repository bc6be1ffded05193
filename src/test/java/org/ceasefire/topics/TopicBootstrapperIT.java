package org.ceasefire.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.ceasefire.embedded.EmbeddedKafkaExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TopicBootstrapperIT {
    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = new EmbeddedKafkaExtension();

    private Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", KAFKA.bootstrapServers()));
    }

    @Test
    @DisplayName("every topic of the design is created with its partitions and configuration, and a second run changes nothing")
    void createsEveryTopicIdempotently() throws Exception {
        Topics topics = new Topics("first.");
        try (Admin admin = admin()) {
            TopicBootstrapper bootstrapper = new TopicBootstrapper(admin);
            assertThat(bootstrapper.ensure(topics.specs(3, (short) 1))).containsExactlyInAnyOrder(
                    "first.statements", "first.gazetteer", "first.contradictions", "first.sector-tallies",
                    "first.statements.dlq", "first.statements.late");
            assertThat(bootstrapper.ensure(topics.specs(3, (short) 1))).isEmpty();

            var descriptions = admin.describeTopics(List.of("first.statements", "first.gazetteer")).allTopicNames().get();
            assertThat(descriptions.get("first.statements").partitions()).hasSize(3);
            assertThat(descriptions.get("first.gazetteer").partitions()).hasSize(1);
            assertThat(config(admin, "first.statements", "retention.ms")).isEqualTo("-1");
            assertThat(config(admin, "first.statements", "message.timestamp.type")).isEqualTo("LogAppendTime");
            assertThat(config(admin, "first.contradictions", "cleanup.policy")).isEqualTo("compact");
            assertThat(config(admin, "first.sector-tallies", "cleanup.policy")).isEqualTo("compact");
            assertThat(config(admin, "first.gazetteer", "cleanup.policy")).isEqualTo("compact");
        }
    }

    @Test
    @DisplayName("an existing statements log with a 7-day retention and the wrong timestamp type is reported, naming topic, key and values")
    void reportsAWrongExistingConfiguration() throws Exception {
        Topics topics = new Topics("wrong.");
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topics.statements(), 1, (short) 1)
                    .configs(Map.of("retention.ms", "604800000")))).all().get();
            assertThatThrownBy(() -> new TopicBootstrapper(admin).ensure(topics.specs(2, (short) 1)))
                    .isInstanceOf(TopicMisconfiguredException.class)
                    .satisfies(e -> assertThat(((TopicMisconfiguredException) e).problems()).containsExactly(
                            "wrong.statements: message.timestamp.type is CreateTime, must be LogAppendTime (kafka-configs --alter --entity-type topics --entity-name wrong.statements --add-config message.timestamp.type=LogAppendTime)",
                            "wrong.statements: retention.ms is 604800000, must be -1 (kafka-configs --alter --entity-type topics --entity-name wrong.statements --add-config retention.ms=-1)"));
        }
    }

    @Test
    @DisplayName("replication factor -1 takes the broker's default; existing keyed topics keep their partition count and missing ones get it too")
    void brokerDefaultReplicationAndExistingPartitions() throws Exception {
        Topics topics = new Topics("existing.");
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topics.statements(), 3, (short) 1).configs(topics.specs(3, (short) 1).get(0).configs())))
                    .all().get();
            List<String> created = new TopicBootstrapper(admin).ensure(topics.specs(6, TopicSpec.BROKER_DEFAULT));
            assertThat(created).containsExactlyInAnyOrder("existing.gazetteer", "existing.contradictions", "existing.sector-tallies",
                    "existing.statements.dlq", "existing.statements.late");
            // Topics created a moment ago may not have reached the broker's metadata yet.
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
                var descriptions = admin.describeTopics(List.of(topics.contradictions(), topics.late(), topics.gazetteer())).allTopicNames().get();
                assertThat(descriptions.get(topics.contradictions()).partitions()).hasSize(3);
                assertThat(descriptions.get(topics.late()).partitions()).hasSize(3);
                assertThat(descriptions.get(topics.gazetteer()).partitions()).hasSize(1);
                assertThat(descriptions.get(topics.late()).partitions().get(0).replicas()).hasSize(1);
            });
        }
    }

    @Test
    @DisplayName("keyed topics with different partition counts are refused in one line naming ceasefire.topic.partitions")
    void refusesKeyedTopicsThatDisagree() throws Exception {
        Topics topics = new Topics("disagree.");
        try (Admin admin = admin()) {
            new TopicBootstrapper(admin).ensure(topics.specs(2, (short) 1));
            admin.createPartitions(Map.of(topics.contradictions(), org.apache.kafka.clients.admin.NewPartitions.increaseTo(4))).all().get();
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> admin.describeTopics(List.of(topics.contradictions())).allTopicNames().get()
                    .get(topics.contradictions()).partitions().size() == 4);
            assertThatThrownBy(() -> new TopicBootstrapper(admin).ensure(topics.specs(2, (short) 1)))
                    .isInstanceOf(TopicMisconfiguredException.class)
                    .hasMessage("the keyed topics must have one partition count, but they have: disagree.contradictions 4, "
                            + "disagree.sector-tallies 2, disagree.statements 2, disagree.statements.dlq 2, disagree.statements.late 2 "
                            + "(ceasefire.topic.partitions applies only to topics the app creates; give them all the same count "
                            + "with kafka-topics --alter --partitions)");
        }
    }

    @Test
    @DisplayName("a compacted topic changed to delete after creation is reported")
    void reportsAChangedCleanupPolicy() throws Exception {
        Topics topics = new Topics("changed.");
        try (Admin admin = admin()) {
            new TopicBootstrapper(admin).ensure(topics.specs(1, (short) 1));
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topics.contradictions());
            admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(
                    new ConfigEntry("cleanup.policy", "delete"), AlterConfigOp.OpType.SET)))).all().get();
            // The controller accepts the change before the broker's metadata shows it.
            await().atMost(Duration.ofSeconds(30)).until(() -> "delete".equals(config(admin, topics.contradictions(), "cleanup.policy")));
            assertThatThrownBy(() -> new TopicBootstrapper(admin).ensure(topics.specs(1, (short) 1)))
                    .isInstanceOf(TopicMisconfiguredException.class)
                    .hasMessageContaining("changed.contradictions: cleanup.policy is delete, must be compact");
        }
    }

    private static String config(Admin admin, String topic, String key) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get().get(resource).get(key).value();
    }
}
