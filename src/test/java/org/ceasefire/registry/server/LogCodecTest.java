package org.ceasefire.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.ceasefire.registry.SchemaReference;
import org.ceasefire.registry.store.LogEntry;
import org.ceasefire.registry.store.LogEntry.SchemaVersion;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The schemas topic's records read back as the entries written, references included. */
class LogCodecTest {

    @Test
    @DisplayName("a schema version with references survives the schemas topic, its text untouched")
    void referencesRoundTrip() throws Exception {
        SchemaVersion written = new SchemaVersion("statements-value", 3, 7,
                "{\"type\":\"record\",\"name\":\"S\",\"fields\":[{\"name\":\"p\",\"type\":\"org.x.Place\"}]}", true,
                List.of(new SchemaReference("org.x.Place", "place", 2)));

        LogEntry read = LogCodec.decode(LogCodec.key(written), LogCodec.value(written)).orElseThrow();

        assertThat(read).isEqualTo(written);
    }

    @Test
    @DisplayName("a schema version without references is written as before: no references field")
    void noReferences() throws Exception {
        SchemaVersion written = new SchemaVersion("s", 1, 1, "\"string\"", false);

        assertThat(new String(LogCodec.value(written), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("references");
        assertThat(LogCodec.decode(LogCodec.key(written), LogCodec.value(written))).contains(written);
    }
}
