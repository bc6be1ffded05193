package org.ceasefire.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretsTest {
    @ParameterizedTest
    @ValueSource(strings = {"ssl.keystore.key", "ssl.keystore.password", "ssl.key.password", "ssl.truststore.certificates",
            "sasl.jaas.config", "basic.auth.user.info", "schema.registry.basic.auth.user.info", "sasl.oauthbearer.token",
            "SASL.JAAS.CONFIG", "some.future.api.key", "some.future.password", "a.new.registry.credentials"})
    @DisplayName("keys naming a secret are hidden, including keys nobody has added yet")
    void secretKeys(String key) {
        assertThat(Secrets.isSecret(key)).isTrue();
        assertThat(Secrets.redact(key, "-----BEGIN PRIVATE KEY-----")).isEqualTo("[hidden]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bootstrap.servers", "security.protocol", "sasl.mechanism", "ssl.keystore.location",
            "ssl.keystore.type", "key.serializer", "ceasefire.http.port", "schema.registry.url"})
    @DisplayName("other keys are shown")
    void plainKeys(String key) {
        assertThat(Secrets.isSecret(key)).isFalse();
        assertThat(Secrets.redact(key, "SASL_SSL")).isEqualTo("SASL_SSL");
    }

    @Test
    @DisplayName("URL user info is hidden in any value and any text; the host stays, so the message still says where")
    void urlUserInfo() {
        assertThat(Secrets.redact("schema.registry.url", "http://user:pw@registry:8081,https://other:8081"))
                .isEqualTo("http://[hidden]@registry:8081,https://other:8081");
        assertThat(Secrets.redactText("Cannot reach https://alice:s3cr%40t@host/x: refused"))
                .isEqualTo("Cannot reach https://[hidden]@host/x: refused");
        assertThat(Secrets.redactText("ScramLoginModule required username=\"u\" password=\"p w\";"))
                .isEqualTo("ScramLoginModule required username=\"u\" password=[hidden];");
        assertThat(Secrets.redactText("no secret here: http://host:8081/subjects")).isEqualTo("no secret here: http://host:8081/subjects");
    }
}
