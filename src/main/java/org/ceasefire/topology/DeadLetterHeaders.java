package org.ceasefire.topology;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** The headers that say why a record is on the dead-letter topic and where it came from. */
public final class DeadLetterHeaders {
    public static final String REASON = "ceasefire.dlq.reason";
    public static final String TOPIC = "ceasefire.dlq.topic";
    public static final String PARTITION = "ceasefire.dlq.partition";
    public static final String OFFSET = "ceasefire.dlq.offset";

    private DeadLetterHeaders() {
    }

    /** The original headers plus ours (any stale ones of ours are replaced, e.g. on a record replayed from the DLQ). */
    public static Headers of(Headers original, String reason, String topic, int partition, long offset) {
        Headers headers = new RecordHeaders(original.toArray());
        for (String name : new String[] {REASON, TOPIC, PARTITION, OFFSET}) {
            headers.remove(name);
        }
        headers.add(REASON, bytes(reason));
        headers.add(TOPIC, bytes(topic));
        headers.add(PARTITION, bytes(Integer.toString(partition)));
        headers.add(OFFSET, bytes(Long.toString(offset)));
        return headers;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
