package org.ceasefire.config.logging;

/** The innermost cause of an error, which says in plain words what went wrong, for a one-line report. */
public final class RootCause {
    private RootCause() {
    }

    /** The innermost cause's message, or its class name when it has none. */
    public static String message(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
