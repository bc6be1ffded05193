package org.ceasefire.registry;

import java.time.Duration;

/**
 * How {@link SchemaRegistryClient} retries a registry that is unreachable or answers 5xx: up to
 * {@code attempts} rounds over all its URLs, the pause between rounds doubling up to
 * {@code maxBackoff}; each request may take up to {@code requestTimeout}.
 */
public record RetryPolicy(int attempts, Duration initialBackoff, Duration maxBackoff, Duration requestTimeout) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(2),
            Duration.ofSeconds(30));

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
    }
}
