package org.ceasefire.registry.serde;

import java.io.EOFException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.ceasefire.registry.SchemaRegistry;
import org.ceasefire.registry.SchemaRegistryException;

/**
 * Reads Confluent-framed Avro: fetches the writer's schema by the id in the header and resolves
 * it against the reader's schema, so data written with an older or newer compatible schema
 * reads fine. Returns GenericRecords, or the generated SpecificRecord classes when
 * {@code specific.avro.reader} is true. Every undecodable input raises a
 * {@link SerializationException} saying what is wrong and where (topic, key or value, schema id,
 * length), which a dead-letter handler can record.
 */
public class KafkaAvroDeserializer extends RegistryBoundSerde implements Deserializer<Object> {

    private final Map<Integer, Schema> writerSchemas = new ConcurrentHashMap<>();
    private final Map<ReaderKey, DatumReader<Object>> readers = new ConcurrentHashMap<>();

    public KafkaAvroDeserializer() {
        this(null);
    }

    /** Uses the given registry instead of one built from {@code schema.registry.url}. */
    public KafkaAvroDeserializer(SchemaRegistry registry) {
        super("KafkaAvroDeserializer", registry);
    }

    public KafkaAvroDeserializer(SchemaRegistry registry, Map<String, ?> config) {
        this(registry);
        configure(config, false);
    }


    @Override
    public Object deserialize(String topic, byte[] data) {
        return deserialize(topic, data, null);
    }

    /**
     * Decodes with an explicit reader schema (null: the writer's schema, or the generated class
     * named by it when {@code specific.avro.reader} is true).
     */
    public Object deserialize(String topic, byte[] data, Schema readerSchema) {
        if (data == null) {
            return null;
        }
        int id = WireFormat.readSchemaId(data, topic, isKey());
        DatumReader<Object> reader = readers.computeIfAbsent(new ReaderKey(id, readerSchema),
                key -> newReader(writerSchema(id, topic, data), readerSchema, topic, data));
        BinaryDecoder decoder = DecoderFactory.get()
                .binaryDecoder(data, WireFormat.HEADER_LENGTH, data.length - WireFormat.HEADER_LENGTH, null);
        Object result;
        try {
            result = reader.read(null, decoder);
        } catch (EOFException truncated) {
            throw failure("the Avro data is truncated", id, topic, data, truncated);
        } catch (IOException | RuntimeException notAvro) {
            throw failure("the bytes are not valid Avro for the writer's schema (" + notAvro + ")",
                    id, topic, data, notAvro);
        }
        if (!isEnd(decoder)) {
            throw failure("the bytes are not valid Avro for the writer's schema (bytes left over after "
                    + "the record)", id, topic, data, null);
        }
        return result;
    }

    private static boolean isEnd(BinaryDecoder decoder) {
        try {
            return decoder.isEnd();
        } catch (IOException e) {
            return false;
        }
    }

    private Schema writerSchema(int id, String topic, byte[] data) {
        Schema cached = writerSchemas.get(id);
        if (cached != null) {
            return cached;
        }
        try {
            Schema schema = registry().schemaById(id);
            writerSchemas.put(id, schema);
            return schema;
        } catch (SchemaRegistryException e) {
            String problem = e.errorCode() == SchemaRegistryException.SCHEMA_NOT_FOUND
                    ? "unknown schema id (the registry has no schema with this id)"
                    : "the writer's schema could not be fetched from the registry";
            throw failure(problem + ": " + e.getMessage(), id, topic, data, e);
        }
    }

    private DatumReader<Object> newReader(Schema writer, Schema explicitReader, String topic, byte[] data) {
        if (config().specificReader()) {
            Schema reader = explicitReader != null ? explicitReader : specificReaderSchema(writer, topic, data);
            requireReadable(writer, reader, topic, data);
            return new SpecificDatumReader<>(writer, reader, SpecificData.getForSchema(reader));
        }
        Schema reader = explicitReader != null ? explicitReader : writer;
        requireReadable(writer, reader, topic, data);
        return new GenericDatumReader<>(writer, reader, GenericData.get());
    }

    /** Tells "incompatible schemas" apart from corrupt bytes, which would fail later and vaguely. */
    private void requireReadable(Schema writer, Schema reader, String topic, byte[] data) {
        if (writer == reader) {
            return;
        }
        SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (result.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            throw new SerializationException("Cannot deserialize " + WireFormat.where(topic, isKey(), data)
                    + ": the writer's schema " + writer.getFullName() + " cannot be read with the reader's schema "
                    + reader.getFullName() + ": " + result.getDescription());
        }
    }

    /** The schema of the generated class named by the writer's schema, as Confluent looks it up. */
    private Schema specificReaderSchema(Schema writer, String topic, byte[] data) {
        if (writer.getType() != Schema.Type.RECORD && writer.getType() != Schema.Type.ENUM
                && writer.getType() != Schema.Type.FIXED) {
            return writer;
        }
        Class<?> generated = SpecificData.get().getClass(writer);
        if (generated == null) {
            throw new SerializationException("Cannot deserialize " + WireFormat.where(topic, isKey(), data)
                    + ": specific.avro.reader is set but no generated class " + writer.getFullName()
                    + " is on the class path");
        }
        return SpecificData.get().getSchema(generated);
    }

    private SerializationException failure(String problem, int id, String topic, byte[] data, Throwable cause) {
        return new SerializationException("Cannot deserialize " + WireFormat.where(topic, isKey(), data)
                + " with schema id " + id + ": " + problem, cause);
    }


    private record ReaderKey(int writerId, Schema readerSchema) {
    }
}
