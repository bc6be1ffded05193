package org.ceasefire.registry;

/**
 * A schema reference, as Confluent's registry keeps them: the type {@code name} a schema uses
 * (for Avro the full name of a named type) is defined by {@code version} of {@code subject}.
 */
public record SchemaReference(String name, String subject, int version) {
}
