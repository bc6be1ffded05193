package org.ceasefire.registry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Process-wide in-memory registries, one per scope, behind {@code mock://<scope>} URLs, as
 * Confluent's MockSchemaRegistry: serializers and deserializers configured with the same scope
 * (for example in a TopologyTestDriver test) share one registry without any server.
 */
public final class MockSchemaRegistry {

    public static final String MOCK_URL_PREFIX = "mock://";

    private static final Map<String, InMemorySchemaRegistry> SCOPES = new ConcurrentHashMap<>();

    private MockSchemaRegistry() {
    }

    /** The registry of a scope, created on first use. */
    public static SchemaRegistry forScope(String scope) {
        return SCOPES.computeIfAbsent(scope, s -> new InMemorySchemaRegistry());
    }

    /** Forgets a scope, so the next test using it starts empty. */
    public static void dropScope(String scope) {
        SCOPES.remove(scope);
    }
}
