package org.ceasefire.config;

/** A setting is missing or has a value the application cannot use; the message names the key and where it came from. */
public final class InvalidConfigException extends RuntimeException {
    public InvalidConfigException(String message) {
        super(message);
    }
}
