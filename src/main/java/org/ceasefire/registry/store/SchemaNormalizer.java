package org.ceasefire.registry.store;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;
import org.ceasefire.registry.SchemaRegistryException;

/**
 * Confluent's {@code normalize=true} for Avro: two schemas that differ only in the order of their
 * aliases are the same schema, so they get the same id and no new version. Works on the canonical
 * JSON: every {@code aliases} array (of records, enums, fixed types and fields) is sorted.
 */
final class SchemaNormalizer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaNormalizer() {
    }

    /** @param referenced the types the schema's references define, named in it but not copied in */
    static String normalize(String canonicalSchema, List<Schema> referenced) {
        try {
            JsonNode tree = JSON.readTree(canonicalSchema);
            sortAliases(tree);
            return new Schema.Parser().addTypes(referenced).parse(JSON.writeValueAsString(tree))
                    .toString(referenced, false);
        } catch (JsonProcessingException e) {
            throw SchemaRegistryException.invalidSchema("the schema cannot be normalized: " + e.getOriginalMessage());
        }
    }

    private static void sortAliases(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode aliases = object.get("aliases");
            if (aliases instanceof ArrayNode array) {
                List<String> sorted = new ArrayList<>();
                array.forEach(alias -> sorted.add(alias.asText()));
                sorted.sort(null);
                array.removeAll();
                sorted.forEach(array::add);
            }
            object.elements().forEachRemaining(SchemaNormalizer::sortAliases);
        } else if (node instanceof ArrayNode array) {
            array.forEach(SchemaNormalizer::sortAliases);
        }
    }
}
