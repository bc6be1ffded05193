package org.ceasefire.reliability;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.ingest.KafkaStatementSink;
import org.ceasefire.registry.serde.AvroSerdes;

/**
 * Feeds statements to the statements topic at a steady pace from a background thread (as an
 * ingestion script would), with the ingest command's idempotent producer, so that faults can be
 * injected while input keeps arriving.
 */
final class Feeder implements AutoCloseable {
    private final KafkaStatementSink sink;
    private final AtomicReference<Thread> thread = new AtomicReference<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread feeder = new Thread(r, "feeder");
        thread.set(feeder);
        return feeder;
    });
    private final List<MinistryStatement> statements;
    private final AtomicInteger sent = new AtomicInteger();

    Feeder(Map<String, Object> producerConfig, Map<String, Object> serdeConfig, String topic, List<MinistryStatement> statements) {
        this.sink = new KafkaStatementSink(producerConfig, AvroSerdes.<MinistryStatement>specific(serdeConfig, false).serializer(),
                topic, 10_000);
        this.statements = statements;
    }

    /** Sends {@code batch} statements every {@code periodMillis} until all are sent. */
    Feeder start(int batch, long periodMillis) {
        timer.scheduleAtFixedRate(() -> {
            int from = sent.get();
            int to = Math.min(statements.size(), from + batch);
            for (int i = from; i < to; i++) {
                sink.send(statements.get(i));
            }
            sent.set(to);
        }, 0, periodMillis, TimeUnit.MILLISECONDS);
        return this;
    }

    /** For a test that waits on the feeder: its counts, and where its thread is (blocked in {@code send}, say). */
    String state() {
        Thread feeder = thread.get();
        String where = feeder == null ? "not started" : Arrays.stream(feeder.getStackTrace()).limit(12)
                .map(frame -> "\n    at " + frame).collect(Collectors.joining());
        return "sent " + sent() + ", acknowledged " + sink.acknowledged() + ", failed " + sink.failed()
                + " (first: " + sink.firstFailure() + "); feeder thread " + where;
    }

    int sent() {
        return sent.get();
    }

    boolean done() {
        return sent.get() == statements.size();
    }

    long acknowledged() {
        sink.flush();
        return sink.acknowledged();
    }

    long failed() {
        return sink.failed();
    }

    Exception firstFailure() {
        return sink.firstFailure();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        sink.close();
    }
}
