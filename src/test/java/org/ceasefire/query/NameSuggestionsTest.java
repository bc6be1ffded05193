package org.ceasefire.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.ceasefire.avro.Place;
import org.ceasefire.conflict.GazetteerFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Closest gazetteer names of unresolved place names")
class NameSuggestionsTest {
    private static final GazetteerFile GAZETTEER = GazetteerFile.builtIn();

    /** The places as a store gives them: decoded from Avro binary, their lists Avro arrays. */
    private static List<Place> stored() {
        return InternalWire.decodeAll(InternalWire.encodeAll(GAZETTEER.places()), Place.class);
    }

    private static List<String> shown(List<ClosestPlace> closest) {
        return closest.stream().map(c -> c.name() + " " + c.placeId() + " " + c.sector() + " " + c.distance()).toList();
    }

    @Test
    @DisplayName("reads the name as the pipeline does, suggests the nearest listed names with place and sector, asked again and again")
    void nearestNames() {
        NameSuggestions suggestions = new NameSuggestions(GAZETTEER.conflict());
        List<String> expected = List.of("Nerkin Khand nerkin-hand SYUNIK 1", "Nerkin Hand nerkin-hand SYUNIK 2", "Nerqin Hand nerkin-hand SYUNIK 3");
        // Places with control dates, as a store holds them: the second call compares them with the first call's gazetteer.
        assertThat(shown(suggestions.closest("Nerkin Khamd village", stored()))).containsExactlyElementsOf(expected);
        assertThat(shown(suggestions.closest("Nerkin Khamd village", stored()))).containsExactlyElementsOf(expected);
        assertThat(shown(suggestions.closest("Nerkin Khamd", stored()))).containsExactlyElementsOf(expected);
        assertThat(suggestions.closest("village", stored())).as("only generic words: nothing to compare").isEmpty();
    }

    @Test
    @DisplayName("follows the gazetteer: a spelling added to a place is suggested from then on")
    void followsTheGazetteer() {
        NameSuggestions suggestions = new NameSuggestions(GAZETTEER.conflict());
        assertThat(suggestions.closest("Nerkin Khamd", stored()).get(0).distance()).isEqualTo(1);
        List<Place> corrected = new ArrayList<>();
        for (Place place : stored()) {
            if (place.getPlaceId().equals("nerkin-hand")) {
                List<String> names = new ArrayList<>(place.getNames());
                names.add("Nerkin Khamd");
                place = Place.newBuilder(place).setNames(names).build();
            }
            corrected.add(place);
        }
        assertThat(shown(suggestions.closest("Nerkin Khamd", corrected))).startsWith("Nerkin Khamd nerkin-hand SYUNIK 0");
    }
}
