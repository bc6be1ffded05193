package org.ceasefire.registry.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.ceasefire.registry.RegisteredSchema;
import org.ceasefire.registry.SchemaRegistry;
import org.ceasefire.registry.SchemaRegistryException;

/**
 * Writes Avro records (generic or specific) and primitives in Confluent's wire format,
 * registering or looking up their schema as Confluent's {@code KafkaAvroSerializer} does, with the
 * same configuration keys. A schema is sent to the registry once per subject per instance.
 */
public class KafkaAvroSerializer extends RegistryBoundSerde implements Serializer<Object> {

    private final Map<SubjectSchema, Integer> ids = new ConcurrentHashMap<>();
    private final Map<String, LatestSchema> latestBySubject = new ConcurrentHashMap<>();
    private final Map<Schema, DatumWriter<Object>> specificWriters = new ConcurrentHashMap<>();
    private final Map<Schema, DatumWriter<Object>> genericWriters = new ConcurrentHashMap<>();

    public KafkaAvroSerializer() {
        this(null);
    }

    /** Uses the given registry instead of one built from {@code schema.registry.url}. */
    public KafkaAvroSerializer(SchemaRegistry registry) {
        super("KafkaAvroSerializer", registry);
    }

    public KafkaAvroSerializer(SchemaRegistry registry, Map<String, ?> config) {
        this(registry);
        configure(config, false);
    }


    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null) {
            return null;
        }
        Schema schema = AvroDatumSchemas.schemaOf(data, topic, isKey());
        String subject = config().subjectNameStrategy(isKey()).subjectName(topic, isKey(), schema);
        if (config().useLatestVersion()) {
            LatestSchema latest = latest(subject, topic);
            if (latest.schema().equals(schema)) {
                return encode(latest.id(), schema, data, topic);
            }
            return encode(latest.id(), latest.schema(), SchemaConverter.convert(data, schema, latest.schema(),
                    writer(schema, data)), topic);
        }
        return encode(schemaId(subject, schema, topic), schema, data, topic);
    }

    private int schemaId(String subject, Schema schema, String topic) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer id = ids.get(key);
        if (id != null) {
            return id;
        }
        try {
            id = config().autoRegister() ? registry().register(subject, schema) : registry().lookup(subject, schema).id();
        } catch (SchemaRegistryException e) {
            throw new SerializationException("Cannot serialize " + (isKey() ? "key" : "value") + " of topic '" + topic
                    + "': could not " + (config().autoRegister() ? "register" : "look up") + " schema "
                    + schema.getFullName() + " under subject '" + subject + "': " + e.getMessage(), e);
        }
        ids.put(key, id);
        return id;
    }

    private LatestSchema latest(String subject, String topic) {
        return latestBySubject.computeIfAbsent(subject, s -> {
            try {
                RegisteredSchema latest = registry().latest(s);
                return new LatestSchema(latest.id(), latest.parsedSchema());
            } catch (SchemaRegistryException e) {
                throw new SerializationException("Cannot serialize " + (isKey() ? "key" : "value") + " of topic '"
                        + topic + "': use.latest.version is set but the latest version of subject '" + s
                        + "' is not available: " + e.getMessage(), e);
            }
        });
    }

    private byte[] encode(int id, Schema writerSchema, Object data, String topic) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        byte[] header = new byte[WireFormat.HEADER_LENGTH];
        WireFormat.writeHeader(header, id);
        out.writeBytes(header);
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writer(writerSchema, data).write(AvroDatumSchemas.avroValue(data), encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot serialize " + (isKey() ? "key" : "value") + " of topic '" + topic
                    + "' with schema " + writerSchema.getFullName() + " (id " + id + "): " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** Specific records need their class's data model, which carries logical-type conversions. */
    private DatumWriter<Object> writer(Schema schema, Object data) {
        if (data instanceof SpecificRecord) {
            return specificWriters.computeIfAbsent(schema,
                    s -> new SpecificDatumWriter<>(s, SpecificData.getForSchema(s)));
        }
        return genericWriters.computeIfAbsent(schema, s -> new GenericDatumWriter<>(s, GenericData.get()));
    }


    private record SubjectSchema(String subject, Schema schema) {
    }

    private record LatestSchema(int id, Schema schema) {
    }
}
