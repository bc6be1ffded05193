package org.ceasefire.conflict;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ClosestNamesTest {
    private final ClosestNames names = new ClosestNames(GazetteerFile.builtIn());

    @Test
    @DisplayName("an unlisted spelling is shown the listed names of its place first (Tərtər is nearest to Chartar)")
    void suggestsTheNearestListedNames() {
        assertThat(names.closest(NameKeys.normalise("Nerkin Khandd"), 1)).extracting(ClosestNames.Suggestion::placeId).containsExactly("nerkin-hand");
        assertThat(names.closest(NameKeys.normalise("Tərtər"), 3)).extracting(ClosestNames.Suggestion::placeId).contains("chartar");
        assertThat(names.closest(NameKeys.normalise("Сев Лича"), 2)).extracting(ClosestNames.Suggestion::placeId).contains("sev-lich");
        assertThat(names.closest("x", 5)).hasSize(5);
    }

    @Test
    @DisplayName("edit distance counts insertions, deletions and substitutions")
    void distance() {
        assertThat(ClosestNames.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(ClosestNames.distance("", "abc")).isEqualTo(3);
        assertThat(ClosestNames.distance("tegh", "tegh")).isZero();
    }
}
