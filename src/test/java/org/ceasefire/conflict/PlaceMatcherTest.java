package org.ceasefire.conflict;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.ceasefire.avro.Place;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each construction of each language, multi-place strings, district qualifiers and false friends, on the built-in gazetteer. */
class PlaceMatcherTest {
    private static final PlaceResolver BUILT_IN = new PlaceResolver(GazetteerFile.builtIn());

    private static List<String> places(String location) {
        return BUILT_IN.match(location).places().stream().map(Place::getPlaceId).toList();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Tovuz rayonunun Ağdam kəndi | agdam-tovuz",
            "Kəlbəcər rayonu istiqamətində | karvachar-kalbajar",
            "Arazdəyən istiqamətindən | yeraskh-arazdayan",
            "Sarıbaba yüksəkliyi | saribaba",
            "Kəlbəcərin | karvachar-kalbajar",
            "Füzulidə | fuzuli",
            "Ağdamdan | aghdam",
            "Fərrux kəndi | parukh-farrukh"})
    @DisplayName("Azerbaijani: district genitive, direction, height, village words and case endings")
    void azerbaijani(String location, String place) {
        assertThat(places(location)).containsExactly(place);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Гадрутский район | hadrut",
            "в Аскеранском районе | askeran-asgaran",
            "Агдамского направления | aghdam",
            "Шушинский район | shushi-shusha",
            "Мартунинского района | martuni-khojavend",
            "в Шуше | shushi-shusha",
            "в направлении Джермука | jermuk-istisu",
            "Мардакерт | martakert-aghdara"})
    @DisplayName("Russian: adjectival district names, prepositional and genitive case, the Russian names of districts")
    void russian(String location, String place) {
        assertThat(places(location)).containsExactly(place);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Տեղի ուղղությամբ | tegh",
            "Գորիսում | goris",
            "Ջերմուկից | jermuk-istisu",
            "Մարտակերտի շրջան | martakert-aghdara",
            "Սոթքի հատվածում | sotk",
            "Մարտունու շրջանում | martuni-khojavend",
            "Ներքին Կարմիրաղբյուրի | nerkin-karmiraghbyur"})
    @DisplayName("Armenian: genitive, locative and ablative endings, direction, region and section words")
    void armenian(String location, String place) {
        assertThat(places(location)).containsExactly(place);
    }

    @Test
    @DisplayName("Cyrillic not listed is transliterated to a listed Latin name (Сисиан -> Sisian); Armenian և is folded (Իջևան = Իջեվան)")
    void transliterationAndFolding() {
        assertThat(places("Неркин-Ханда")).as("transliterated to the listed Nerkin Khand").containsExactly("nerkin-hand");
        assertThat(places("Ноемберяна")).containsExactly("noyemberyan");
        assertThat(places("Իջևան")).containsExactly("ijevan");
        assertThat(places("Իջեվանի")).containsExactly("ijevan");
    }

    @Test
    @DisplayName("a string naming several places returns each, in the order written")
    void severalPlaces() {
        assertThat(places("Berd, Chinari and Aygepar")).containsExactly("berd", "chinari", "aygepar");
        assertThat(places("Martakert and Martuni")).containsExactly("martakert-aghdara", "martuni-khojavend");
        assertThat(places("the Ijevan–Noyemberyan road")).containsExactly("ijevan", "noyemberyan");
        assertThat(places("Jermuk-Vardenis")).containsExactly("jermuk-istisu", "vardenis-basarkechar");
        assertThat(places("Tegh, Tegh village and Տեղ")).as("each place once").containsExactly("tegh");
    }

    @Test
    @DisplayName("a district qualifier chooses between places of the same name and is not returned as a place itself")
    void districtQualifiers() {
        assertThat(places("Ağdam")).containsExactly("aghdam");
        assertThat(places("Tovuzun Ağdam kəndi")).containsExactly("agdam-tovuz");
        assertThat(places("Ağdam kəndi, Tovuz rayonu")).containsExactly("agdam-tovuz");
        assertThat(places("село Агдам Товузского района")).containsExactly("agdam-tovuz");
        assertThat(places("Kəmərli kəndi, Qazax rayonu")).containsExactly("kemerli");
        assertThat(places("Askeran district, Khramort village")).containsExactly("khramort");
        assertThat(places("Martuni")).containsExactly("martuni-khojavend");
        assertThat(places("Martuni (Gegharkunik)")).containsExactly("martuni-gegharkunik");
        assertThat(places("Askeran district")).as("a district alone is the place").containsExactly("askeran-asgaran");
    }

    @Test
    @DisplayName("false friends: a district that does not contain the place, and rear-area towns sharing letters with front villages, match nothing")
    void falseFriends() {
        assertThat(places("Gədəbəy rayonunun Ağdam kəndi")).as("no Ağdam in Gədəbəy district: not Aghdam of Karabakh").isEmpty();
        assertThat(places("Tərtər")).as("rear town, not Chartar").isEmpty();
        assertThat(places("Berdavan")).as("not Berd").isEmpty();
        assertThat(places("Kutkashen")).as("not Kut").isEmpty();
        assertThat(places("Yerevan")).as("not Yeraskh").isEmpty();
        assertThat(places("Ağdaş")).as("not Ağdam").isEmpty();
        assertThat(places("Gəncə")).isEmpty();
    }

    @Test
    @DisplayName("the sector is the place's on the incident day: Kalbajar moves on 25 Nov 2020, Berdzor on 26 Aug 2022, the line of contact ends on 21 Sep 2023")
    void sectorOnTheDay() {
        assertThat(BUILT_IN.resolve("Kəlbəcər", LocalDate.of(2020, 11, 24))).extracting(PlaceResolver.Resolved::sector).containsExactly("NK-NORTH");
        assertThat(BUILT_IN.resolve("Kəlbəcər", LocalDate.of(2020, 11, 25))).extracting(PlaceResolver.Resolved::sector).containsExactly("GEGHARKUNIK-KALBAJAR");
        assertThat(BUILT_IN.resolve("Berdzor", LocalDate.of(2022, 8, 25))).extracting(PlaceResolver.Resolved::sector).containsExactly("NK-LACHIN");
        assertThat(BUILT_IN.resolve("Berdzor", LocalDate.of(2022, 8, 26))).extracting(PlaceResolver.Resolved::sector).containsExactly("SYUNIK");
        assertThat(BUILT_IN.resolve("Lachin corridor", LocalDate.of(2023, 9, 20))).extracting(PlaceResolver.Resolved::sector).containsExactly("NK-LACHIN");
        assertThat(BUILT_IN.resolve("Stepanakert", LocalDate.of(2023, 9, 21))).extracting(PlaceResolver.Resolved::sector).containsExactly("UNRESOLVED");
    }

    @Test
    @DisplayName("what is generic and what ends a word is data of the conflict file: without its rules, 'Տեղի' and 'Kəlbəcərin' do not resolve")
    void rulesAreData() {
        GazetteerFile file = GazetteerFile.builtIn();
        PlaceResolver withoutRules = new PlaceResolver(stripped(file));
        assertThat(BUILT_IN.match("Tegh village").unmatched()).isEmpty();
        assertThat(withoutRules.match("Tegh village").unmatched()).as("not a generic word without the rules").containsExactly("village");
        assertThat(withoutRules.match("Տեղի").places()).isEmpty();
        assertThat(withoutRules.match("Kəlbəcərin").places()).isEmpty();
        assertThat(places("Kəlbəcərin")).containsExactly("karvachar-kalbajar");
        assertThat(withoutRules.match("Tegh").places()).extracting(Place::getPlaceId).containsExactly("tegh");
    }

    private static GazetteerFile stripped(GazetteerFile file) {
        ConflictDefinition c = file.conflict();
        return new GazetteerFile(new ConflictDefinition(c.id(), c.name(), c.sideOne(), c.sideTwo(), c.monitors(), c.sectors()), file.places());
    }

    @Nested
    class OwnRules {
        private final String json = """
                {"conflict": {"id": "T", "name": "T",
                  "sides": [{"id": "A", "name": "A", "parties": [{"code": "A1", "name": "a"}]},
                            {"id": "B", "name": "B", "parties": [{"code": "B1", "name": "b"}]}],
                  "monitors": [], "sectors": [{"id": "S", "name": "s"}],
                  "names": {"languages": [
                    {"id": "hi", "script": "DEVANAGARI", "generic_words": ["सेक्टर", "में"]},
                    {"id": "ur", "script": "ARABIC", "generic_words": ["سیکٹر", "میں"], "folding": {"ي": "ی", "ك": "ک"}}]}},
                 "places": [{"id": "poonch", "names": ["Poonch", "पुंछ", "پونچھ"], "sectors": [{"sector": "S"}]},
                            {"id": "kotli", "names": ["Kotli", "کوٹلی"], "sectors": [{"sector": "S"}]}]}
                """;

        @Test
        @DisplayName("another conflict brings its own generic words and folding (Hindi and Urdu 'sector', Arabic ي read as Urdu ی)")
        void hindiAndUrdu() {
            PlaceResolver resolver = new PlaceResolver(GazetteerFile.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "t.json"));
            assertThat(resolver.match("पुंछ सेक्टर में").places()).extracting(Place::getPlaceId).containsExactly("poonch");
            assertThat(resolver.match("پونچھ سیکٹر میں").places()).extracting(Place::getPlaceId).containsExactly("poonch");
            assertThat(resolver.match("كوٹلي").places()).extracting(Place::getPlaceId).containsExactly("kotli");
            assertThat(resolver.match("पुंछ सेक्टर में").unmatched()).isEmpty();
            assertThat(resolver.match("Poonch village").unmatched()).as("English rules are not this conflict's").containsExactly("village");
        }
    }
}
