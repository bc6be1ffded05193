package org.ceasefire.query;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * Writes Avro records as plain JSON for API clients: field names as in the schema (snake_case),
 * timestamps and dates as ISO-8601 strings, enums as their symbol, nulls as null, map keys sorted.
 * Avro's own JSON encoding wraps unions ({@code {"string": "..."}}), which no dashboard wants.
 */
public final class AvroJsonSerializer extends StdSerializer<SpecificRecord> {

    public AvroJsonSerializer() {
        super(SpecificRecord.class);
    }

    @Override
    public void serialize(SpecificRecord record, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeStartObject();
        for (Schema.Field field : record.getSchema().getFields()) {
            gen.writeFieldName(field.name());
            writeValue(record.get(field.pos()), gen, provider);
        }
        gen.writeEndObject();
    }

    private void writeValue(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        if (value == null) {
            gen.writeNull();
        } else if (value instanceof SpecificRecord nested) {
            serialize(nested, gen, provider);
        } else if (value instanceof CharSequence || value instanceof Enum<?> || value instanceof Instant || value instanceof LocalDate) {
            gen.writeString(value.toString());
        } else if (value instanceof Map<?, ?> map) {
            gen.writeStartObject();
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(k.toString(), v));
            for (Map.Entry<String, Object> entry : sorted.entrySet()) {
                gen.writeFieldName(entry.getKey());
                writeValue(entry.getValue(), gen, provider);
            }
            gen.writeEndObject();
        } else if (value instanceof Collection<?> items) {
            gen.writeStartArray();
            for (Object item : items) {
                writeValue(item, gen, provider);
            }
            gen.writeEndArray();
        } else if (value instanceof ByteBuffer bytes) {
            gen.writeBinary(bytes.duplicate().array());
        } else {
            // Numbers and booleans: Jackson writes them natively.
            provider.defaultSerializeValue(value, gen);
        }
    }
}
