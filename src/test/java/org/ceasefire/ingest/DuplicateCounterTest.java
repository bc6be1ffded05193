package org.ceasefire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DuplicateCounterTest {
    @Test
    @DisplayName("the same id and revision twice is a duplicate; another revision is not")
    void countsSameIdAndRevision() {
        DuplicateCounter counter = new DuplicateCounter();
        assertThat(counter.seen("a", 1)).isFalse();
        assertThat(counter.seen("a", 2)).isFalse();
        assertThat(counter.seen("b", 1)).isFalse();
        assertThat(counter.seen("a", 1)).isTrue();
        assertThat(counter.duplicates()).isEqualTo(1);
    }

    @Test
    @DisplayName("after growing its table it still finds every earlier pair")
    void growsWithoutLosingPairs() {
        DuplicateCounter counter = new DuplicateCounter();
        for (int i = 0; i < 200_000; i++) {
            assertThat(counter.seen("statement-" + i, 1)).isFalse();
        }
        for (int i = 0; i < 200_000; i += 1000) {
            assertThat(counter.seen("statement-" + i, 1)).isTrue();
        }
        assertThat(counter.duplicates()).isEqualTo(200);
    }
}
