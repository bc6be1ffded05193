package org.ceasefire.query;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;

/** Ready when Kafka Streams is RUNNING and every store the API reads can be queried on this instance. */
public final class StreamsReadiness implements ReadinessCheck {
    private final KafkaStreams streams;

    public StreamsReadiness(KafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    public boolean isReady() {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return false;
        }
        try {
            for (String store : StoreQueries.QUERIED_STORES) {
                streams.store(StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.keyValueStore()));
            }
            return true;
        } catch (InvalidStateStoreException e) {
            return false;
        }
    }
}
