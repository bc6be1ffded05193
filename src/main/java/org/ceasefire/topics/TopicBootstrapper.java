package org.ceasefire.topics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.ceasefire.config.AppSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the application's topics with the configuration they need, idempotently. A topic that
 * already exists is checked instead: a topic-level config with a different value is reported as a
 * {@link TopicMisconfiguredException} naming topic, key, actual and expected value, because running
 * on a wrongly configured audit log (say, one that deletes after a week) would silently break the
 * guarantees.
 *
 * <p>Partitions: the keyed topics ({@link TopicSpec#keyed()}) must agree with each other, not with
 * the configured count. Existing keyed topics with one count are accepted whatever count is
 * configured (the configured one applies only to topics created here), and missing keyed topics are
 * created with the existing count, so a deployment that started with 3 partitions keeps 3.
 */
public final class TopicBootstrapper {
    private static final Logger LOG = LoggerFactory.getLogger(TopicBootstrapper.class);
    private static final String PARTITIONS_KEY = AppSettings.TOPIC_PARTITIONS.key();

    private final Admin admin;

    public TopicBootstrapper(Admin admin) {
        this.admin = admin;
    }

    /** Creates what is missing and checks what exists; returns the names of the topics it created. */
    public List<String> ensure(Collection<TopicSpec> specs) {
        try {
            Set<String> existing = admin.listTopics().names().get();
            Map<String, Integer> existingKeyed = new TreeMap<>();
            for (TopicSpec spec : specs) {
                if (spec.keyed() && existing.contains(spec.name())) {
                    existingKeyed.put(spec.name(), partitionsOnceKnown(spec.name()));
                }
            }
            Set<Integer> counts = new TreeSet<>(existingKeyed.values());
            if (counts.size() > 1) {
                throw new TopicMisconfiguredException(List.of(disagreement(existingKeyed)));
            }
            OptionalInt keyedCount = counts.stream().mapToInt(Integer::intValue).findFirst();
            List<TopicSpec> planned = specs.stream()
                    .map(spec -> spec.keyed() && keyedCount.isPresent() ? spec.withPartitions(keyedCount.getAsInt()) : spec)
                    .toList();
            if (keyedCount.isPresent() && specs.stream().anyMatch(spec -> spec.keyed() && spec.partitions() != keyedCount.getAsInt())) {
                LOG.info("The existing topics have {} partitions; {} applies only to topics created here, so any missing ones get {} too",
                        keyedCount.getAsInt(), PARTITIONS_KEY, keyedCount.getAsInt());
            }
            List<NewTopic> toCreate = planned.stream()
                    .filter(spec -> !existing.contains(spec.name()))
                    .map(TopicBootstrapper::newTopic)
                    .toList();
            List<String> created = create(toCreate);
            List<String> problems = new ArrayList<>();
            for (TopicSpec spec : planned) {
                if (!created.contains(spec.name())) {
                    problems.addAll(checkOnceKnown(spec));
                }
            }
            if (!problems.isEmpty()) {
                throw new TopicMisconfiguredException(problems);
            }
            return created;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot create or describe topics: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** The replication factor -1 is sent as "not given", which Kafka's CreateTopics answers with the broker's default. */
    private static NewTopic newTopic(TopicSpec spec) {
        Optional<Short> replication = spec.replicationFactor() == TopicSpec.BROKER_DEFAULT
                ? Optional.empty() : Optional.of(spec.replicationFactor());
        return new NewTopic(spec.name(), Optional.of(spec.partitions()), replication).configs(spec.configs());
    }

    private static String disagreement(Map<String, Integer> partitions) {
        String counts = partitions.entrySet().stream()
                .map(entry -> entry.getKey() + " " + entry.getValue())
                .collect(Collectors.joining(", "));
        return "the keyed topics must have one partition count, but they have: " + counts + " (" + PARTITIONS_KEY
                + " applies only to topics the app creates; give them all the same count with kafka-topics --alter --partitions)";
    }

    private List<String> create(List<NewTopic> topics) throws InterruptedException, ExecutionException {
        List<String> created = new ArrayList<>();
        var results = admin.createTopics(topics).values();
        for (var entry : results.entrySet()) {
            try {
                entry.getValue().get();
                created.add(entry.getKey());
                LOG.info("Created topic {}", entry.getKey());
            } catch (ExecutionException e) {
                // Another instance created it between our listing and our request: check it like any existing topic.
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        return created;
    }

    private int partitionsOnceKnown(String topic) throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            try {
                return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
    }

    /** A topic created a moment ago (by another instance, say) may not have reached the broker's metadata yet. */
    private List<String> checkOnceKnown(TopicSpec spec) throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            try {
                return check(spec);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
    }

    private List<String> check(TopicSpec spec) throws InterruptedException, ExecutionException {
        List<String> problems = new ArrayList<>();
        TopicDescription description = admin.describeTopics(List.of(spec.name())).allTopicNames().get().get(spec.name());
        int partitions = description.partitions().size();
        if (!spec.keyed() && partitions < spec.partitions()) {
            problems.add(spec.name() + ": has " + partitions + " partitions, needs at least " + spec.partitions()
                    + " (add partitions with kafka-topics --alter --partitions)");
        }
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, spec.name());
        Config actual = admin.describeConfigs(List.of(resource)).all().get().get(resource);
        Map<String, String> actualValues = actual.entries().stream()
                .filter(entry -> entry.value() != null)
                .collect(Collectors.toMap(ConfigEntry::name, ConfigEntry::value));
        for (var expected : new TreeMap<>(spec.configs()).entrySet()) {
            String value = actualValues.get(expected.getKey());
            if (!expected.getValue().equals(value)) {
                problems.add(spec.name() + ": " + expected.getKey() + " is " + value + ", must be " + expected.getValue()
                        + " (kafka-configs --alter --entity-type topics --entity-name " + spec.name()
                        + " --add-config " + expected.getKey() + "=" + expected.getValue() + ")");
            }
        }
        return problems;
    }
}
