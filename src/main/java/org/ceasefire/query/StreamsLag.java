package org.ceasefire.query;

import java.util.OptionalLong;

import org.apache.kafka.common.Metric;
import org.apache.kafka.streams.KafkaStreams;

/**
 * This instance's consumer lag on one topic, from Kafka Streams' own consumer metrics
 * ({@code records-lag} per assigned partition): empty until a partition of it was fetched.
 */
final class StreamsLag {
    private StreamsLag() {
    }

    static OptionalLong of(KafkaStreams streams, String topic) {
        long lag = 0;
        boolean known = false;
        for (Metric metric : streams.metrics().values()) {
            if ("records-lag".equals(metric.metricName().name())
                    && "consumer-fetch-manager-metrics".equals(metric.metricName().group())
                    && topic.equals(metric.metricName().tags().get("topic"))
                    && metric.metricValue() instanceof Number value && !Double.isNaN(value.doubleValue())) {
                lag += value.longValue();
                known = true;
            }
        }
        return known ? OptionalLong.of(lag) : OptionalLong.empty();
    }
}
