package org.ceasefire.audit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.SectorTally;
import org.ceasefire.registry.serde.AvroSerdes;
import org.ceasefire.topics.Topics;
import org.ceasefire.topology.DeadLetterHeaders;

/**
 * Reads what the replayed topology wrote to the private broker into the audit's results: the latest
 * tally per key and the standing pairs into tables on disk, the late statements' ids, and the dead
 * letters with the position in the real log of the statement each one refused.
 */
final class ReplayOutputs {
    private ReplayOutputs() {
    }

    /**
     * @param rejectedBefore records refused before they reached the topology (not even decodable)
     * @param positions      the real log position of each statement, by its offset on the private statements topic
     */
    static AuditResults read(Map<String, Object> brokerClient, Map<String, Object> serdeConfig, Topics topics,
                             List<RejectedRecord> rejectedBefore, LogPositions positions, SortedMap<String, Long> unresolvedPlaces) {
        ResultTable<SectorTally> tallies = CompactedTopicReader.read(brokerClient, topics.sectorTallies(),
                AvroSerdes.<SectorTally>specific(serdeConfig, false).deserializer(), SectorTally.class);
        try {
            ResultTable<ClaimContradiction> pairs = CompactedTopicReader.read(brokerClient, topics.contradictions(),
                    AvroSerdes.<ClaimContradiction>specific(serdeConfig, false).deserializer(), ClaimContradiction.class);
            TreeSet<String> late = new TreeSet<>();
            CompactedTopicReader.scan(brokerClient, topics.late(), new StringDeserializer(), new ByteArrayDeserializer(),
                    batch -> batch.forEach(r -> late.add(r.key())));
            List<RejectedRecord> rejected = new ArrayList<>(rejectedBefore);
            CompactedTopicReader.scan(brokerClient, topics.deadLetters(), new ByteArrayDeserializer(), new ByteArrayDeserializer(),
                    batch -> batch.forEach(r -> rejected.add(rejected(r, topics.statements(), positions))));
            rejected.sort(Comparator.comparingInt(RejectedRecord::partition).thenComparingLong(RejectedRecord::offset));
            return new AuditResults(tallies, pairs, List.copyOf(rejected), List.copyOf(late), unresolvedPlaces);
        } catch (RuntimeException e) {
            tallies.close();
            throw e;
        }
    }

    /** A dead letter, placed where its statement sits in the real log (its headers name its offset on the private topic). */
    private static RejectedRecord rejected(ConsumerRecord<byte[], byte[]> dead, String statementsTopic, LogPositions positions) {
        String key = dead.key() == null ? "" : new String(dead.key(), StandardCharsets.UTF_8);
        String reason = header(dead, DeadLetterHeaders.REASON);
        String topic = header(dead, DeadLetterHeaders.TOPIC);
        String offset = header(dead, DeadLetterHeaders.OFFSET);
        if (!statementsTopic.equals(topic) || offset == null) {
            throw new IllegalStateException("A dead letter of the replay (key " + key + ") does not name its place on " + statementsTopic
                    + " (topic header " + topic + ", offset header " + offset + ")");
        }
        LogPositions.Position origin = positions.at(Long.parseLong(offset));
        return new RejectedRecord(key, reason == null ? "(no reason)" : reason, origin.partition(), origin.offset());
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
