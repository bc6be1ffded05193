package org.ceasefire.query;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What one instance holds about one gazetteer place: accusations of the current (unretracted)
 * statements located there, by issuer, and the contradictions in which either statement is there.
 */
public record PlaceActivity(@JsonProperty("place_id") String placeId,
                            @JsonProperty("accusations") Map<String, Long> accusations,
                            @JsonProperty("contradictions") long contradictions) {
    public PlaceActivity {
        accusations = Map.copyOf(accusations);
    }
}
