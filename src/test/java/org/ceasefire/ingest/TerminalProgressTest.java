package org.ceasefire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {
    @Test
    @DisplayName("the time left is the rest at the rate so far, in minutes and seconds, or hours past an hour")
    void timeLeftAtTheRateSoFar() {
        assertThat(TerminalProgress.timeLeft(10, 250, 1_000)).isEqualTo(", 0:30 left");
        assertThat(TerminalProgress.timeLeft(60, 1_000, 100_000)).isEqualTo(", 1:39:00 left");
        assertThat(TerminalProgress.timeLeft(5, 0, 1_000)).isEmpty();
        assertThat(TerminalProgress.timeLeft(5, 1_000, 1_000)).isEmpty();
    }

    @Test
    @DisplayName("the bar shows how far, how fast and how long is left, and is cleared at the end")
    void drawsProgressRateAndTimeLeft() {
        StringWriter err = new StringWriter();
        TerminalProgress progress = new TerminalProgress(new PrintWriter(err));
        progress.update("replay", 400, 1_000, 380);
        assertThat(err.toString()).startsWith("\rreplay [############                  ] 40% 380 statements, ")
                .containsPattern("/s, \\d+:\\d\\d left");
        progress.finish();
        assertThat(err.toString()).endsWith("\r\033[K");
    }
}
