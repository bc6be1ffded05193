package org.ceasefire.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * History v1 {a: string}, v2 {} and candidate v3 {a: int, default 0}: v3 and v2 can read each
 * other, but v3 cannot read v1's string (nor v1 read v3's int), so only the transitive levels
 * refuse v3. A second candidate adds a required field to v1, which only readers of old data mind.
 */
class CompatibilityLevelTest {

    private static final Schema V1 = SchemaBuilder.record("R").fields().requiredString("a").endRecord();
    private static final Schema V2 = SchemaBuilder.record("R").fields().endRecord();
    private static final Schema V3 = SchemaBuilder.record("R").fields().name("a").type().intType().intDefault(0)
            .endRecord();
    private static final Schema ADDS_REQUIRED = SchemaBuilder.record("R").fields().requiredString("a")
            .requiredString("b").endRecord();

    @ParameterizedTest(name = "{0}: transitive history compatible={1}, added required field compatible={2}")
    @CsvSource({
        "NONE,                true,  true",
        "BACKWARD,            true,  false",
        "BACKWARD_TRANSITIVE, false, false",
        "FORWARD,             true,  true",
        "FORWARD_TRANSITIVE,  false, true",
        "FULL,                true,  false",
        "FULL_TRANSITIVE,     false, false",
    })
    @DisplayName("each level accepts and refuses what Avro's schema resolution allows")
    void levels(CompatibilityLevel level, boolean historyCompatible, boolean addedRequiredCompatible) {
        assertThat(level.incompatibilities(V3, List.of(V1, V2)).isEmpty()).isEqualTo(historyCompatible);
        assertThat(level.incompatibilities(ADDS_REQUIRED, List.of(V1)).isEmpty()).isEqualTo(addedRequiredCompatible);
    }

    @Test
    @DisplayName("an incompatibility names the direction and the place in the schema")
    void describesProblem() {
        assertThat(CompatibilityLevel.BACKWARD.incompatibilities(ADDS_REQUIRED, List.of(V1)))
                .containsExactly("the new schema cannot read data written with an earlier one: "
                        + "READER_FIELD_MISSING_DEFAULT_VALUE at /fields/1 (b)");
    }

    @Test
    @DisplayName("level names parse case-insensitively; unknown ones give 42203")
    void parsing() {
        assertThat(CompatibilityLevel.parse("full_transitive")).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
        assertThatThrownBy(() -> CompatibilityLevel.parse("SIDEWAYS"))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(42203);
                    assertThat(e.status()).isEqualTo(422);
                });
    }
}
