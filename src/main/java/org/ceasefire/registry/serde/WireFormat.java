package org.ceasefire.registry.serde;

import java.nio.ByteBuffer;

import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's framing of a registry-encoded record: magic byte 0, the schema id as a 4-byte
 * big-endian int, then the Avro binary encoding. Decoding failures name the problem and the
 * record's place, so a dead-letter queue can say why a record was refused.
 */
final class WireFormat {

    static final byte MAGIC_BYTE = 0;
    static final int HEADER_LENGTH = 5;

    private WireFormat() {
    }

    /** Writes the 5-byte header into the start of {@code buffer}. */
    static void writeHeader(byte[] buffer, int schemaId) {
        buffer[0] = MAGIC_BYTE;
        buffer[1] = (byte) (schemaId >>> 24);
        buffer[2] = (byte) (schemaId >>> 16);
        buffer[3] = (byte) (schemaId >>> 8);
        buffer[4] = (byte) schemaId;
    }

    /** Checks the header and returns the schema id it names. */
    static int readSchemaId(byte[] data, String topic, boolean isKey) {
        if (data.length == 0) {
            throw new SerializationException("Cannot deserialize " + where(topic, isKey, data)
                    + ": the payload is empty; registry-encoded Avro starts with a 5-byte header");
        }
        if (data[0] != MAGIC_BYTE) {
            throw new SerializationException(String.format(
                    "Cannot deserialize %s: unknown magic byte 0x%02x (expected 0x00), "
                            + "so this is not registry-encoded Avro", where(topic, isKey, data), data[0] & 0xff));
        }
        if (data.length < HEADER_LENGTH) {
            throw new SerializationException("Cannot deserialize " + where(topic, isKey, data)
                    + ": truncated header, " + data.length + " bytes where the magic byte and schema id take "
                    + HEADER_LENGTH);
        }
        return ByteBuffer.wrap(data, 1, 4).getInt();
    }

    /** "value of topic 't' (23 bytes)": where a record came from, for error messages. */
    static String where(String topic, boolean isKey, byte[] data) {
        return (isKey ? "key" : "value") + " of topic '" + topic + "' (" + data.length + " bytes)";
    }
}
