package org.ceasefire.contract;

/** One way a statement breaks the input contract: the field (snake_case, as in the contract) and why. */
public record Violation(String field, String reason) {
    @Override
    public String toString() {
        return field + ": " + reason;
    }
}
