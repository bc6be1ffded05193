package org.ceasefire.ingest;

/** Shows how far a run has got. Rejection messages go through it so they do not garble a drawn bar. */
public interface Progress {
    /** No bar: for pipes, files and tests, where it would only add noise. */
    Progress NONE = new Progress() {
        @Override
        public void update(String input, long bytesRead, long totalBytes, long records) {
            // Nothing is drawn without a terminal.
        }

        @Override
        public void message(java.io.PrintWriter err, String line) {
            err.println(line);
        }

        @Override
        public void finish() {
            // Nothing to clear.
        }
    };

    /** Called often; implementations decide how often to redraw. {@code totalBytes} is -1 when unknown (stdin). */
    void update(String input, long bytesRead, long totalBytes, long records);

    /** Prints one line of output above the bar. */
    void message(java.io.PrintWriter err, String line);

    /** Clears the bar at the end. */
    void finish();
}
