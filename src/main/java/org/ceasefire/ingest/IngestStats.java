package org.ceasefire.ingest;

import java.time.Duration;
import java.util.Locale;

/** The counts a run reports at the end. */
public record IngestStats(long read, long valid, long sent, long rejected, long duplicates, long failed, Duration elapsed, boolean dryRun) {

    /** Records per second over the whole run. */
    public double rate() {
        double seconds = Math.max(elapsed.toNanos(), 1) / 1e9;
        return read / seconds;
    }

    /** The summary printed at the end of a run. */
    public String summary() {
        String sentPart = dryRun ? "valid " + valid + " (dry run: nothing sent)" : "sent " + sent;
        String failedPart = failed > 0 ? ", failed " + failed : "";
        return String.format(Locale.ROOT, "read %d, %s, rejected %d, duplicates in the input %d%s, in %.1f s (%.0f statements/s)",
                read, sentPart, rejected, duplicates, failedPart, elapsed.toNanos() / 1e9, rate());
    }
}
