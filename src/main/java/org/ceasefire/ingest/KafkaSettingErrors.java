package org.ceasefire.ingest;

import java.util.Optional;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.ceasefire.config.Secrets;

/**
 * Recognises a Kafka client that could not even be created because of its settings (a wrong
 * {@code security.protocol}, a SASL mechanism without {@code sasl.jaas.config}...), so the user reads
 * one line naming the key instead of a stack trace or "cannot reach the broker".
 */
public final class KafkaSettingErrors {
    private KafkaSettingErrors() {
    }

    /** One line naming the setting at fault, when {@code e} or a cause of it is a client setting problem. */
    public static Optional<String> describe(Throwable e) {
        boolean creatingClient = false;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConfigException) {
                return Optional.of("a Kafka client setting is wrong: " + Secrets.redactText(t.getMessage()));
            }
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (t instanceof KafkaException && message.startsWith("Failed to create new")) {
                creatingClient = true;
            } else if (creatingClient && message.contains("JAAS configuration")) {
                return Optional.of("sasl.jaas.config is not set, and a SASL security.protocol needs it: give the login "
                        + "module and its credentials, e.g. org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"...\" password=\"...\";");
            } else if (creatingClient && t.getCause() == null) {
                return Optional.of("the Kafka client settings (security.protocol, sasl.*, ssl.*) are wrong: "
                        + Secrets.redactText(message));
            }
        }
        return Optional.empty();
    }
}
