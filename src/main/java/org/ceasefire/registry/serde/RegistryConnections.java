package org.ceasefire.registry.serde;

import java.util.List;

import org.apache.kafka.common.config.ConfigException;
import org.ceasefire.registry.MockSchemaRegistry;
import org.ceasefire.registry.SchemaRegistry;
import org.ceasefire.registry.SchemaRegistryClient;

/** Turns {@code schema.registry.url} into a registry: an HTTP client, or a {@code mock://} scope. */
final class RegistryConnections {

    private RegistryConnections() {
    }

    /** A registry for the configured URLs; {@link #owned} tells whether the caller must close it. */
    static SchemaRegistry connect(AvroSerdeConfig config) {
        List<String> urls = config.urls();
        List<String> mocks = urls.stream().filter(u -> u.startsWith(MockSchemaRegistry.MOCK_URL_PREFIX)).toList();
        if (mocks.isEmpty()) {
            return SchemaRegistryClient.forUrls(urls, config.userInfo());
        }
        if (urls.size() > 1) {
            throw new ConfigException(AvroSerdeConfig.SCHEMA_REGISTRY_URL, String.join(",", urls),
                    "a mock:// URL cannot be combined with other URLs");
        }
        return MockSchemaRegistry.forScope(mocks.get(0).substring(MockSchemaRegistry.MOCK_URL_PREFIX.length()));
    }

    /** Mock scopes are shared by every serde in the process and outlive any one of them. */
    static boolean owned(AvroSerdeConfig config) {
        return config.urls().stream().noneMatch(u -> u.startsWith(MockSchemaRegistry.MOCK_URL_PREFIX));
    }
}
