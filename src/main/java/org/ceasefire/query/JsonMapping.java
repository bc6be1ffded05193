package org.ceasefire.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.avro.specific.SpecificRecord;

/** The one ObjectMapper of the query API, so the public API, SSE and internal calls write JSON alike. */
public final class JsonMapping {
    private JsonMapping() {
    }

    public static ObjectMapper create() {
        SimpleModule avro = new SimpleModule("avro-records");
        avro.addSerializer(SpecificRecord.class, new AvroJsonSerializer());
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(avro)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}
