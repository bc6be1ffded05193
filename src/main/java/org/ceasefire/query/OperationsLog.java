package org.ceasefire.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What operators look at beside the results: rejected (dead-letter) and late statements per UTC
 * day of their record time, the time of the latest output record (the last time the topology
 * produced anything), and this instance's consumer lag on the statements topic. Fed by
 * {@link OutputTopicWatcher}, which reads those topics on every instance, so every instance
 * knows the counts of all.
 */
public final class OperationsLog {
    private final Map<LocalDate, Long> deadLetters = new TreeMap<>();
    private final Map<LocalDate, Long> late = new TreeMap<>();
    private final AtomicLong lastOutput = new AtomicLong(-1);
    private final Supplier<OptionalLong> consumerLag;

    /** @param consumerLag records this instance still has to read from the statements topic, when known */
    public OperationsLog(Supplier<OptionalLong> consumerLag) {
        this.consumerLag = consumerLag;
    }

    /** For a server without a topology: nothing is known. */
    public static OperationsLog none() {
        return new OperationsLog(OptionalLong::empty);
    }

    synchronized void deadLetter(long timestamp) {
        deadLetters.merge(day(timestamp), 1L, Long::sum);
    }

    synchronized void late(long timestamp) {
        late.merge(day(timestamp), 1L, Long::sum);
    }

    void output(long timestamp) {
        lastOutput.accumulateAndGet(timestamp, Math::max);
    }

    private static LocalDate day(long timestamp) {
        return Instant.ofEpochMilli(timestamp).atZone(ZoneOffset.UTC).toLocalDate();
    }

    synchronized Map<LocalDate, Long> deadLettersPerDay() {
        return Map.copyOf(deadLetters);
    }

    synchronized Map<LocalDate, Long> latePerDay() {
        return Map.copyOf(late);
    }

    Optional<Instant> lastOutputAt() {
        long at = lastOutput.get();
        return at < 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(at));
    }

    OptionalLong consumerLag() {
        return consumerLag.get();
    }
}
