package org.ceasefire.query;

/** A request parameter that is malformed or out of range: answered with 400 naming the parameter. */
public final class BadParameterException extends RuntimeException {
    private final String parameter;

    public BadParameterException(String parameter, String problem) {
        super("parameter '" + parameter + "' " + problem);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
