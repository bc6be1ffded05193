package org.ceasefire.registry.serde;

import java.nio.ByteBuffer;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The Avro schema of a value given to the serializer: a record's own schema, or the primitive
 * schema Confluent's serializer uses for plain Java values (e.g. String keys).
 */
final class AvroDatumSchemas {

    private static final Schema STRING = Schema.create(Schema.Type.STRING);
    private static final Schema INT = Schema.create(Schema.Type.INT);
    private static final Schema LONG = Schema.create(Schema.Type.LONG);
    private static final Schema FLOAT = Schema.create(Schema.Type.FLOAT);
    private static final Schema DOUBLE = Schema.create(Schema.Type.DOUBLE);
    private static final Schema BOOLEAN = Schema.create(Schema.Type.BOOLEAN);
    private static final Schema BYTES = Schema.create(Schema.Type.BYTES);

    private AvroDatumSchemas() {
    }

    static Schema schemaOf(Object datum, String topic, boolean isKey) {
        if (datum instanceof GenericContainer container) {
            return container.getSchema();
        }
        if (datum instanceof CharSequence) {
            return STRING;
        }
        if (datum instanceof Integer) {
            return INT;
        }
        if (datum instanceof Long) {
            return LONG;
        }
        if (datum instanceof Float) {
            return FLOAT;
        }
        if (datum instanceof Double) {
            return DOUBLE;
        }
        if (datum instanceof Boolean) {
            return BOOLEAN;
        }
        if (datum instanceof byte[] || datum instanceof ByteBuffer) {
            return BYTES;
        }
        throw new SerializationException("Cannot serialize " + (isKey ? "key" : "value") + " of topic '" + topic
                + "': " + datum.getClass().getName() + " is neither an Avro record nor a primitive Avro type");
    }

    /** Avro writes {@code bytes} from ByteBuffers only. */
    static Object avroValue(Object datum) {
        return datum instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : datum;
    }
}
