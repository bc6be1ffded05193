package org.ceasefire.registry;

import java.util.List;

import org.apache.avro.Schema;

/**
 * One version of a subject: what {@code GET /subjects/{subject}/versions/{version}} returns,
 * with the references its schema has to types defined under other subjects.
 */
public record RegisteredSchema(String subject, int version, int id, String schema, List<SchemaReference> references) {

    public RegisteredSchema {
        references = references == null ? List.of() : List.copyOf(references);
    }

    public RegisteredSchema(String subject, int version, int id, String schema) {
        this(subject, version, id, schema, List.of());
    }

    /**
     * The schema text parsed; each call parses again, so cache the result when it matters. A schema
     * with references needs its referenced types: see {@link SchemaRegistry#schemaById(int)}.
     */
    public Schema parsedSchema() {
        return new Schema.Parser().parse(schema);
    }
}
