package org.ceasefire.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlaceNamesTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "Xankəndi, khankandi",
            "XANKƏNDİ, khankandi",
            "Şuşa, shusha",
            "Shusha, shusha",
            "Ağdərə rayonu, aghdara",
            "Laçın istiqamətində, lachin",
            "near Tegh village, tegh",
            "село Тех, тех",
            "Тех район, тех",
            "Տեղ գյուղ, տեղ",
            "'  Sotk   direction ', sotk",
            "Kəlbəcər, kalbacar",
            "Lachin corridor, lachin corridor",
    })
    @DisplayName("normalisation folds case, diacritics and Azerbaijani letters, and drops generic words in four languages")
    void normalises(String raw, String expected) {
        assertThat(PlaceNames.normalise(raw)).isEqualTo(expected);
    }

    @Test
    @DisplayName("kəndi inside a name is kept: Xankəndi is not reduced to Xan")
    void keepsKendiInsideAName() {
        assertThat(PlaceNames.normalise("Xankəndi")).isNotEqualTo(PlaceNames.normalise("Xan"));
    }

    @Test
    @DisplayName("a location of only generic words normalises to nothing")
    void onlyGenericWords() {
        assertThat(PlaceNames.normalise("near the village")).isEmpty();
    }

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource({"Xankəndi, Khankendi", "Şuşa, Susha", "Kəlbəcər, Kalbajar", "Ağdərə, Aghdara", "Xocavənd, Khojavend"})
    @DisplayName("unlisted transliterations share a skeleton with the listed spelling")
    void skeletonsMatch(String a, String b) {
        assertThat(PlaceNames.skeleton(PlaceNames.normalise(a))).isEqualTo(PlaceNames.skeleton(PlaceNames.normalise(b)));
    }
}
