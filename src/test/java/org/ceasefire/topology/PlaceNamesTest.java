package org.ceasefire.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The store's keys: the same for every conflict (language rules are the conflict's, see org.ceasefire.conflict.PlaceMatcherTest). */
class PlaceNamesTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "Xankəndi, xankandi",
            "XANKƏNDİ, xankandi",
            "Şuşa, susa",
            "'  Sotk  (Zod) ', sotk zod",
            "Тех, тех",
            "Йохан, иохан",
            "Տեղ, տեղ",
            "पुंछ, पुंछ",
            "Lachin corridor, lachin corridor",
    })
    @DisplayName("the exact key folds case and accents of Latin and Cyrillic letters, keeps the vowel signs of other scripts, and drops punctuation")
    void normalises(String raw, String expected) {
        assertThat(PlaceNames.normalise(raw)).isEqualTo(expected);
    }

    @Test
    @DisplayName("no generic word is dropped by the key itself: that is the conflict's rules' job")
    void keepsEveryWord() {
        assertThat(PlaceNames.normalise("near Tegh village")).isEqualTo("near tegh village");
        assertThat(PlaceNames.normalise("")).isEmpty();
    }

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource({"Xankəndi, Khankendi", "Shusha, Susha", "Kalbajar, Kelbajar", "Aghdara, Agdara", "Khojavend, Xojavend"})
    @DisplayName("near transliterations share a skeleton")
    void skeletonsMatch(String a, String b) {
        assertThat(PlaceNames.skeleton(PlaceNames.normalise(a))).isEqualTo(PlaceNames.skeleton(PlaceNames.normalise(b)));
    }
}
