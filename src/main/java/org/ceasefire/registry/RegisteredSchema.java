package org.ceasefire.registry;

import org.apache.avro.Schema;

/** One version of a subject: what {@code GET /subjects/{subject}/versions/{version}} returns. */
public record RegisteredSchema(String subject, int version, int id, String schema) {

    /** The schema text parsed; each call parses again, so cache the result when it matters. */
    public Schema parsedSchema() {
        return new Schema.Parser().parse(schema);
    }
}
