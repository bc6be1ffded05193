package org.ceasefire.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;

import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IsoTimesTest {
    @Test
    @DisplayName("offsets, Z and fractions of a second are read; a missing offset or an impossible date is not")
    void readsAndRejects() {
        assertThat(IsoTimes.parse("2023-04-11T16:00:00+04:00")).isEqualTo(Instant.parse("2023-04-11T12:00:00Z"));
        assertThat(IsoTimes.parse("2023-04-11T16:00:00-02:30")).isEqualTo(Instant.parse("2023-04-11T18:30:00Z"));
        assertThat(IsoTimes.parse("2023-04-11T16:00:00.25Z")).isEqualTo(Instant.parse("2023-04-11T16:00:00.250Z"));
        assertThat(IsoTimes.parse("2023-04-11T16:00+04:00")).isEqualTo(Instant.parse("2023-04-11T12:00:00Z"));
        assertThatThrownBy(() -> IsoTimes.parse("2023-04-11T16:00:00")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> IsoTimes.parse("2023-04-31T16:00:00Z")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> IsoTimes.parse("2023-04-11 16:00:00Z")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> IsoTimes.parse("2023-04-11T16:00:00+4:00")).isInstanceOf(DateTimeException.class);
    }

    @Property(tries = 500)
    @Label("the fast path agrees with java.time's ISO formatter")
    void agreesWithTheFormatter(@ForAll @LongRange(min = 0, max = 4_000_000_000L) long epochSecond,
                                @ForAll @IntRange(min = -18 * 4, max = 18 * 4) int quarterHours,
                                @ForAll @IntRange(min = 0, max = 999) int millis) {
        OffsetDateTime time = Instant.ofEpochSecond(epochSecond, millis * 1_000_000L)
                .atOffset(java.time.ZoneOffset.ofTotalSeconds(quarterHours * 15 * 60));
        String text = time.toString();
        assertThat(IsoTimes.parse(text)).isEqualTo(OffsetDateTime.parse(text).toInstant());
    }
}
