package org.ceasefire.query;

/** An id that names nothing the instances know: answered with 404. */
public final class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
