package org.ceasefire.query;

/**
 * Part of the answer cannot be read now: this instance's stores are starting, restoring or moving
 * between instances, or another instance that owns part of the answer cannot be reached. Answered
 * with 503, a {@code Retry-After} and the message as its reason, so clients retry.
 */
public final class InstanceUnavailableException extends RuntimeException {
    public InstanceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
