package org.ceasefire.ingest;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.ceasefire.avro.Place;

/**
 * Writes a gazetteer's places to the gazetteer topic keyed by place_id. The topic is compacted, so
 * loading the same file again leaves one record per place; a place dropped from the file is not
 * deleted (that needs a tombstone, which a deliberate removal should send).
 */
public final class GazetteerLoader {
    private final Map<String, Object> producerConfig;
    private final Serializer<Place> serializer;

    public GazetteerLoader(String bootstrapServers, Serializer<Place> serializer) {
        this.producerConfig = KafkaStatementSink.producerConfig(bootstrapServers);
        this.producerConfig.put("client.id", "ceasefire-gazetteer-load");
        this.serializer = serializer;
    }

    /** Sends every place and waits for all to be acknowledged; returns how many were written. */
    public int load(List<Place> places, String topic) {
        try (KafkaProducer<String, Place> producer = new KafkaProducer<>(producerConfig, new StringSerializer(), serializer)) {
            List<Future<RecordMetadata>> sends = places.stream()
                    .map(place -> producer.send(new ProducerRecord<>(topic, place.getPlaceId(), place)))
                    .toList();
            for (Future<RecordMetadata> send : sends) {
                send.get();
            }
            return sends.size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while loading the gazetteer", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot write the gazetteer to " + topic + ": " + e.getCause().getMessage(), e.getCause());
        }
    }
}
