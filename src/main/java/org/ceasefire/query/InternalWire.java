package org.ceasefire.query;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;

import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * How instances hand records to each other: Avro binary in Base64 inside a JSON body. Binary
 * Avro round-trips every field exactly (logical types, nulls, enum symbols), which plain JSON
 * for people does not promise; all instances run the same schemas, so no schema travels along.
 */
final class InternalWire {
    private InternalWire() {
    }

    static String encode(SpecificRecord record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        SpecificDatumWriter<SpecificRecord> writer =
                new SpecificDatumWriter<>(record.getSchema(), SpecificData.getForClass(record.getClass()));
        try {
            writer.write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    static List<String> encodeAll(List<? extends SpecificRecord> records) {
        return records.stream().map(InternalWire::encode).toList();
    }

    static <T extends SpecificRecord> T decode(String base64, Class<T> type) {
        SpecificData model = SpecificData.getForClass(type);
        SpecificDatumReader<T> reader = new SpecificDatumReader<>(model.getSchema(type), model.getSchema(type), model);
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(Base64.getDecoder().decode(base64), null);
        try {
            return reader.read(null, decoder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T extends SpecificRecord> List<T> decodeAll(List<String> encoded, Class<T> type) {
        return encoded.stream().map(text -> decode(text, type)).toList();
    }
}
