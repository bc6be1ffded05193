package org.ceasefire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ceasefire.avro.Place;
import org.ceasefire.avro.SectorAssignment;
import org.ceasefire.conflict.GazetteerFile;
import org.ceasefire.ingest.generator.SpellingBook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AmAzGazetteerTest {
    private final GazetteerFile gazetteer = GazetteerFile.builtIn();

    private Map<String, String> placeByName() {
        Map<String, String> byName = new HashMap<>();
        for (Place place : gazetteer.places()) {
            for (String name : place.getNames()) {
                String previous = byName.put(name.toLowerCase(Locale.ROOT), place.getPlaceId());
                assertThat(previous).as("name %s is listed for %s and %s", name, previous, place.getPlaceId())
                        .isIn(null, place.getPlaceId());
            }
        }
        return byName;
    }

    private Place place(String id) {
        return gazetteer.places().stream().filter(p -> p.getPlaceId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("Armenian, Azerbaijani, Russian and English names of one place lead to the same place id")
    void namesOfEachLanguageMapToThePlace() {
        Map<String, String> byName = placeByName();
        Map<String, List<String>> expected = Map.ofEntries(
                Map.entry("stepanakert-khankendi", List.of("Ստեփանակերտ", "Stepanakert", "Xankəndi", "Khankendi", "Степанакерт", "Ханкенди")),
                Map.entry("shushi-shusha", List.of("Շուշի", "Shushi", "Şuşa", "Shusha", "Шуша")),
                Map.entry("martakert-aghdara", List.of("Մարտակերտ", "Martakert", "Ağdərə", "Aghdara", "Агдере")),
                Map.entry("martuni-khojavend", List.of("Մարտունի", "Xocavənd", "Khojavend", "Ходжавенд")),
                Map.entry("askeran-asgaran", List.of("Ասկերան", "Əsgəran", "Asgaran", "Аскеран")),
                Map.entry("karvachar-kalbajar", List.of("Քարվաճառ", "Karvachar", "Kəlbəcər", "Kalbajar", "Кельбаджар")),
                Map.entry("sotk", List.of("Սոթք", "Sotk", "Zod", "Зод")),
                Map.entry("vardenis-basarkechar", List.of("Վարդենիս", "Basarkeçər", "Basarkechar", "Варденис")),
                Map.entry("jermuk-istisu", List.of("Ջերմուկ", "Jermuk", "İstisu", "Istisu", "Джермук")),
                Map.entry("gazakh", List.of("Ղազախ", "Qazax", "Gazakh", "Газах")),
                Map.entry("kemerli", List.of("Kəmərli", "Kemerli", "Кемерли")),
                Map.entry("sadarak", List.of("Sədərək", "Sadarak", "Садарак")),
                Map.entry("yeraskh-arazdayan", List.of("Երասխ", "Yeraskh", "Arazdəyən", "Араздаян")),
                Map.entry("lachin-corridor", List.of("Բերձորի միջանցք", "Laçın dəhlizi", "Лачинский коридор", "Lachin corridor")),
                Map.entry("berdzor-lachin", List.of("Բերձոր", "Berdzor", "Laçın", "Лачин")),
                Map.entry("tegh", List.of("Տեղ", "Tegh", "Тех")),
                Map.entry("goris", List.of("Գորիս", "Gorus", "Горис")),
                Map.entry("kapan", List.of("Կապան", "Qafan", "Капан")));
        expected.forEach((id, names) -> names.forEach(name ->
                assertThat(byName.get(name.toLowerCase(Locale.ROOT))).as(name).isEqualTo(id)));
    }

    @Test
    @DisplayName("the original place ids and the sectors are there, every sector has places, and every place has a source and coordinates")
    void keepsIdsAndCoversSectors() {
        assertThat(gazetteer.places()).extracting(Place::getPlaceId)
                .contains("tegh", "lachin-corridor", "sotk", "stepanakert-khankendi", "shushi-shusha");
        assertThat(gazetteer.conflict().sectors()).extracting(s -> s.id()).containsExactly("TAVUSH-GAZAKH", "NOYEMBERYAN-AGSTAFA",
                "CHAMBARAK-GADABAY", "GEGHARKUNIK-KALBAJAR", "VAYOTS-DZOR", "VAYOTS-DZOR-SHARUR", "SYUNIK", "MEGHRI-ORDUBAD",
                "NAKHCHIVAN-YERASKH", "NK-NORTH", "NK-CENTRE", "NK-SOUTH", "NK-LACHIN");
        assertThat(gazetteer.places()).allSatisfy(p -> {
            assertThat(p.getLatitude()).as(p.getPlaceId()).isBetween(38.5, 41.5);
            assertThat(p.getLongitude()).as(p.getPlaceId()).isBetween(44.5, 47.5);
            assertThat(p.getPrecision()).as(p.getPlaceId()).isIn(GazetteerFile.PRECISIONS);
            assertThat(gazetteer.notes().get(p.getPlaceId()).source()).as(p.getPlaceId()).isNotBlank();
        });
        assertThat(org.ceasefire.conflict.GazetteerCheck.problems(gazetteer, GazetteerFile.BUILT_IN)).isEmpty();
        for (var sector : gazetteer.conflict().sectors()) {
            assertThat(gazetteer.places()).as(sector.id())
                    .anySatisfy(p -> assertThat(p.getSectors()).extracting(SectorAssignment::getSector).contains(sector.id()));
        }
    }

    @Test
    @DisplayName("the line of contact ends with the fighting of 19-20 Sep 2023; Kalbajar moves to the Gegharkunik border on 2020-11-25; "
            + "the Lachin corridor is on the NK front; Berdzor faces Syunik from its handover on 2022-08-26")
    void sectorsChangeWithControl() {
        assertThat(place("martuni-khojavend").getSectors()).containsExactly(new SectorAssignment("NK-SOUTH", null, LocalDate.of(2023, 9, 21)));
        assertThat(place("lachin-corridor").getSectors()).containsExactly(new SectorAssignment("NK-LACHIN", null, LocalDate.of(2023, 9, 21)));
        assertThat(place("berdzor-lachin").getSectors()).containsExactly(new SectorAssignment("NK-LACHIN", null, LocalDate.of(2022, 8, 26)),
                new SectorAssignment("SYUNIK", LocalDate.of(2022, 8, 26), null));
        assertThat(gazetteer.notes().get("aghdam").control()).containsExactly(new GazetteerFile.Control("ARMENIAN", null, LocalDate.of(2020, 11, 20)),
                new GazetteerFile.Control("AZERBAIJANI", LocalDate.of(2020, 11, 20), null));
        assertThat(gazetteer.conflict().party("NK").orElseThrow().validUntil()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(place("karvachar-kalbajar").getSectors()).containsExactly(
                new SectorAssignment("NK-NORTH", null, LocalDate.of(2020, 11, 25)),
                new SectorAssignment("GEGHARKUNIK-KALBAJAR", LocalDate.of(2020, 11, 25), null));
        assertThat(place("jermuk-istisu").getSectors()).containsExactly(new SectorAssignment("VAYOTS-DZOR", null, null));
    }

    @Test
    @DisplayName("each side's spellings are names of the place, so the generator never writes a name the gazetteer does not know")
    void spellingsAreListedNames() {
        SpellingBook spellings = SpellingBook.builtIn();
        for (Place place : gazetteer.places()) {
            assertThat(spellings.of(place.getPlaceId())).as(place.getPlaceId()).containsKeys("ARMENIAN", "AZERBAIJANI", "NEUTRAL");
            spellings.of(place.getPlaceId()).values().forEach(names -> assertThat(place.getNames()).containsAll(names));
        }
        assertThat(spellings.names(place("stepanakert-khankendi"), "AZERBAIJANI")).containsExactly("Xankəndi", "Khankendi", "Xankendi", "Khankandi");
    }
}
