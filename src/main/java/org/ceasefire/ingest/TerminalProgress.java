package org.ceasefire.ingest;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar redrawn with a carriage return on a terminal, at most five times a second: how
 * far, how fast, and (when the total is known) how long is left at the rate so far.
 */
public final class TerminalProgress implements Progress {
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final long started = System.nanoTime();
    private long lastDrawn;
    private boolean drawn;

    public TerminalProgress(PrintWriter err) {
        this.err = err;
    }

    /** A bar when standard error is a terminal, none otherwise. */
    public static Progress forConsole(PrintWriter err) {
        return System.console() != null ? new TerminalProgress(err) : Progress.NONE;
    }

    @Override
    public void update(String input, long bytesRead, long totalBytes, long records) {
        long now = System.nanoTime();
        if (drawn && now - lastDrawn < REDRAW_NANOS) {
            return;
        }
        lastDrawn = now;
        drawn = true;
        double seconds = Math.max(now - started, 1) / 1e9;
        String rate = String.format(Locale.ROOT, "%,d statements, %,.0f/s", records, records / seconds);
        if (totalBytes > 0) {
            int percent = (int) Math.min(100, bytesRead * 100 / totalBytes);
            int filled = percent * WIDTH / 100;
            err.print("\r" + input + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + percent + "% " + rate
                    + timeLeft(seconds, bytesRead, totalBytes) + "   ");
        } else {
            err.print("\r" + input + " " + rate + "   ");
        }
        err.flush();
    }

    /** ", 1:05 left" at the rate so far; empty before anything was read. */
    static String timeLeft(double seconds, long done, long total) {
        if (done <= 0 || done >= total) {
            return "";
        }
        long left = Math.round(seconds * (total - done) / done);
        return left >= 3600
                ? String.format(Locale.ROOT, ", %d:%02d:%02d left", left / 3600, left / 60 % 60, left % 60)
                : String.format(Locale.ROOT, ", %d:%02d left", left / 60, left % 60);
    }

    @Override
    public void message(PrintWriter target, String line) {
        clear();
        target.println(line);
    }

    @Override
    public void finish() {
        clear();
    }

    private void clear() {
        if (drawn) {
            err.print("\r\033[K");
            err.flush();
            drawn = false;
        }
    }
}
