package org.ceasefire.topics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the application's topics with the configuration they need, idempotently. A topic that
 * already exists is checked instead: fewer partitions than asked, or a topic-level config with a
 * different value, is reported as a {@link TopicMisconfiguredException} naming topic, key, actual and
 * expected value, because running on a wrongly configured audit log (say, one that deletes after a
 * week) would silently break the guarantees.
 */
public final class TopicBootstrapper {
    private static final Logger LOG = LoggerFactory.getLogger(TopicBootstrapper.class);

    private final Admin admin;

    public TopicBootstrapper(Admin admin) {
        this.admin = admin;
    }

    /** Creates what is missing and checks what exists; returns the names of the topics it created. */
    public List<String> ensure(Collection<TopicSpec> specs) {
        try {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> toCreate = specs.stream()
                    .filter(spec -> !existing.contains(spec.name()))
                    .map(spec -> new NewTopic(spec.name(), spec.partitions(), spec.replicationFactor()).configs(spec.configs()))
                    .toList();
            List<String> created = create(toCreate);
            List<String> problems = new ArrayList<>();
            for (TopicSpec spec : specs) {
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

    /** A topic created a moment ago (by another instance, say) may not have reached the broker's metadata yet. */
    private List<String> checkOnceKnown(TopicSpec spec) throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
        while (true) {
            try {
                return check(spec);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)
                        || System.nanoTime() > deadline) {
                    throw e;
                }
                java.util.concurrent.TimeUnit.MILLISECONDS.sleep(100);
            }
        }
    }

    private List<String> check(TopicSpec spec) throws InterruptedException, ExecutionException {
        List<String> problems = new ArrayList<>();
        TopicDescription description = admin.describeTopics(List.of(spec.name())).allTopicNames().get().get(spec.name());
        int partitions = description.partitions().size();
        if (partitions < spec.partitions()) {
            problems.add(spec.name() + ": has " + partitions + " partitions, needs at least " + spec.partitions()
                    + " (add partitions with kafka-topics --alter, or lower the configured partition count)");
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
