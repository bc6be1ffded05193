package org.ceasefire.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.ceasefire.embedded.EmbeddedKafka;
import org.ceasefire.registry.RestCalls.Reply;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** When the cluster holding {@code _schemas} is gone, writes fail with 50001, in bounded time. */
class RegistryStoreErrorIT {

    @Test
    @DisplayName("with the broker stopped, a registration gets 500/50001 and reads of known ids still work")
    void storeErrorWhenBrokerIsGone() {
        EmbeddedKafka kafka = EmbeddedKafka.start();
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), "127.0.0.1", 0,
                Duration.ofSeconds(3))) {
            RestCalls rest = new RestCalls(registry.url());
            int id = rest.postSchema("/subjects/before/versions", RestCalls.recordSchema("Before", "a"))
                    .body().path("id").asInt();

            kafka.close();
            long started = System.nanoTime();
            Reply failed = rest.postSchema("/subjects/after/versions", RestCalls.recordSchema("After", "a"));

            assertThat(failed.status()).isEqualTo(500);
            assertThat(failed.errorCode()).isEqualTo(50001);
            assertThat(failed.body().path("message").asText()).startsWith("Error in the backend data store");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
            assertThat(rest.get("/schemas/ids/" + id).status()).isEqualTo(200);
        } finally {
            kafka.close();
        }
    }
}
