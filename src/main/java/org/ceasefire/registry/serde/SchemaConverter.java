package org.ceasefire.registry.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

/**
 * Rewrites a value into another (compatible) schema through Avro's schema resolution. Used with
 * {@code use.latest.version}: the bytes must match the latest schema's id, whatever the
 * application's classes were generated from.
 */
final class SchemaConverter {

    private SchemaConverter() {
    }

    static Object convert(Object datum, Schema from, Schema to, DatumWriter<Object> fromWriter) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            fromWriter.write(AvroDatumSchemas.avroValue(datum), encoder);
            encoder.flush();
            return new GenericDatumReader<>(from, to, GenericData.get())
                    .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
        } catch (IOException | RuntimeException e) {
            throw new org.apache.kafka.common.errors.SerializationException("Cannot convert " + from.getFullName()
                    + " to the latest registered schema " + to.getFullName() + ": " + e.getMessage(), e);
        }
    }
}
