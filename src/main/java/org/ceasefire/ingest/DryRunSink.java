package org.ceasefire.ingest;

import org.ceasefire.avro.MinistryStatement;

/** Sends nothing: {@code --dry-run} validates only. */
public final class DryRunSink implements StatementSink {
    @Override
    public void send(MinistryStatement statement) {
        // A dry run only checks statements: nothing leaves the process.
    }

    @Override
    public void flush() {
        // Nothing is ever in flight.
    }

    @Override
    public long acknowledged() {
        return 0;
    }

    @Override
    public long failed() {
        return 0;
    }

    @Override
    public Exception firstFailure() {
        return null;
    }

    @Override
    public void close() {
        // Holds no resources.
    }
}
