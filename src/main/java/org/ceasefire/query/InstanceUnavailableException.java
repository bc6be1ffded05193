package org.ceasefire.query;

/** Another instance that owns part of the answer could not be reached: answered with 503, so clients retry. */
public final class InstanceUnavailableException extends RuntimeException {
    public InstanceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
