package org.ceasefire.registry.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ceasefire.registry.CompatibilityLevel;
import org.ceasefire.registry.SchemaReference;
import org.ceasefire.registry.store.LogEntry;
import org.ceasefire.registry.store.LogEntry.Config;
import org.ceasefire.registry.store.LogEntry.SchemaVersion;
import org.ceasefire.registry.store.LogEntry.VersionTombstone;
import org.ceasefire.registry.store.RegistryService;

/**
 * Encodes log entries as records of the {@code _schemas} topic, in the JSON layout of Confluent's
 * registry (keys {@code {"keytype":"SCHEMA","subject":..,"version":..,"magic":1}} and
 * {@code {"keytype":"CONFIG",...}}), so the key identifies what compaction may replace.
 */
final class LogCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LogCodec() {
    }

    static byte[] key(LogEntry entry) {
        ObjectNode key = JSON.createObjectNode();
        if (entry instanceof SchemaVersion v) {
            schemaKey(key, v.subject(), v.version());
        } else if (entry instanceof VersionTombstone t) {
            schemaKey(key, t.subject(), t.version());
        } else if (entry instanceof Config c) {
            key.put("keytype", "CONFIG").put("subject", c.subject()).put("magic", 0);
        }
        return bytes(key);
    }

    private static void schemaKey(ObjectNode key, String subject, int version) {
        key.put("keytype", "SCHEMA").put("subject", subject).put("version", version).put("magic", 1);
    }

    /** The record value; null for a tombstone or a cleared compatibility level. */
    static byte[] value(LogEntry entry) {
        if (entry instanceof SchemaVersion v) {
            ObjectNode value = JSON.createObjectNode().put("subject", v.subject()).put("version", v.version())
                    .put("id", v.id()).put("schema", v.schema()).put("deleted", v.deleted());
            if (!v.references().isEmpty()) {
                ArrayNode references = value.putArray("references");
                v.references().forEach(r -> references.addObject().put("name", r.name()).put("subject", r.subject())
                        .put("version", r.version()));
            }
            return bytes(value);
        }
        if (entry instanceof Config c && c.level() != null) {
            return bytes(JSON.createObjectNode().put("compatibilityLevel", c.level().name()));
        }
        return null;
    }

    /** The entry a record stands for; empty for record kinds this registry does not use. */
    static Optional<LogEntry> decode(byte[] keyBytes, byte[] valueBytes) throws IOException {
        JsonNode key = JSON.readTree(keyBytes);
        String keyType = key.path("keytype").asText();
        String subject = key.path("subject").isNull() ? null : key.path("subject").asText(null);
        if ("SCHEMA".equals(keyType)) {
            int version = key.path("version").asInt();
            if (valueBytes == null) {
                return Optional.of(new VersionTombstone(subject, version));
            }
            JsonNode value = JSON.readTree(valueBytes);
            String type = value.path("schemaType").asText("AVRO");
            if (!"AVRO".equals(type)) {
                return Optional.empty();
            }
            List<SchemaReference> references = new ArrayList<>();
            value.path("references").forEach(r -> references.add(new SchemaReference(r.path("name").asText(),
                    r.path("subject").asText(), r.path("version").asInt())));
            // A schema with references names types it does not define: it was stored canonical already.
            String schema = references.isEmpty() ? RegistryService.canonical(value.path("schema").asText())
                    : value.path("schema").asText();
            return Optional.of(new SchemaVersion(subject, version, value.path("id").asInt(), schema,
                    value.path("deleted").asBoolean(false), references));
        }
        if ("CONFIG".equals(keyType)) {
            CompatibilityLevel level = valueBytes == null ? null
                    : CompatibilityLevel.parse(JSON.readTree(valueBytes).path("compatibilityLevel").asText());
            return Optional.of(new Config(subject, level));
        }
        return Optional.empty();
    }

    private static byte[] bytes(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }
}
