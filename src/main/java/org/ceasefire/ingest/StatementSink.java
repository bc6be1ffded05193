package org.ceasefire.ingest;

import org.ceasefire.avro.MinistryStatement;

/** Where valid statements go: the statements topic, or nowhere on a dry run. */
public interface StatementSink extends AutoCloseable {
    /** Hands over one statement; may block while too many are in flight. */
    void send(MinistryStatement statement);

    /** Waits until every statement handed over is acknowledged or has failed. */
    void flush();

    /** Statements acknowledged so far. */
    long acknowledged();

    /** Statements that could not be sent. */
    long failed();

    /** The first send failure, or null. */
    Exception firstFailure();

    @Override
    void close();
}
