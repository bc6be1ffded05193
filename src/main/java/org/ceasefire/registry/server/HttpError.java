package org.ceasefire.registry.server;

/** A request the REST layer refuses before it reaches the registry's rules (bad JSON, no route...). */
final class HttpError extends RuntimeException {

    private final int status;
    private final int errorCode;

    HttpError(int status, int errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    int status() {
        return status;
    }

    int errorCode() {
        return errorCode;
    }
}
