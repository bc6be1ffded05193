package org.ceasefire.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.ceasefire.avro.SectorTally;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ResultTableTest {
    @AutoClose
    private final ResultTable<SectorTally> table = new ResultTable<>(SectorTally.class);

    @Test
    @DisplayName("keeps the latest record per key, forgets a key on a tombstone, and counts what it holds")
    void latestPerKeyAndTombstones() {
        table.put("SYUNIK|ALL_TIME", ResultsDifferTest.tally(1));
        table.put("SYUNIK|ALL_TIME", ResultsDifferTest.tally(2));
        table.put("TAVUSH|ALL_TIME", ResultsDifferTest.tally(3));
        table.put("TAVUSH|ALL_TIME", null);
        table.remove("NEVER|ALL_TIME");
        assertThat(table.size()).isEqualTo(1);
        assertThat(table.get("SYUNIK|ALL_TIME")).isEqualTo(ResultsDifferTest.tally(2));
        assertThat(table.get("TAVUSH|ALL_TIME")).isNull();
    }

    @Test
    @DisplayName("walks its keys in UTF-8 byte order, the order of every report")
    void utf8ByteOrder() {
        // "\uFB01" (a ligature) sorts after "\uD83D\uDE00" (an emoji) as Java strings, before it as UTF-8 bytes.
        for (String key : List.of("\uFB01", "b", "\uD83D\uDE00", "a", "Ş")) {
            table.put(key, ResultsDifferTest.tally(1));
        }
        List<String> keys = new ArrayList<>();
        table.forEach((key, tally) -> keys.add(key));
        assertThat(keys).containsExactly("a", "b", "Ş", "\uFB01", "\uD83D\uDE00");
        assertThat(table.toMap().keySet()).containsExactlyElementsOf(keys);
        assertThat(keys).isSortedAccordingTo(ResultTable.KEY_ORDER);
    }
}
