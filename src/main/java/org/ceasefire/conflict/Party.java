package org.ceasefire.conflict;

/** An issuer of statements: a party of one side, or a neutral monitor. {@code code} is what statements carry. */
public record Party(String code, String name) {
}
