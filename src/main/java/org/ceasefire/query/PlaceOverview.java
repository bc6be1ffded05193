package org.ceasefire.query;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A gazetteer place for the map: its name, its current sector, its coordinates where the
 * gazetteer has them (null otherwise: such a place is listed, not drawn), accusations located there
 * by side and the contradictions involving it.
 */
public record PlaceOverview(@JsonProperty("place_id") String placeId,
                            @JsonProperty("name") String name,
                            @JsonProperty("sector") String sector,
                            @JsonProperty("sector_name") String sectorName,
                            @JsonProperty("latitude") Double latitude,
                            @JsonProperty("longitude") Double longitude,
                            @JsonProperty("precision") String precision,
                            @JsonProperty("accusations_by_side") Map<String, Long> accusationsBySide,
                            @JsonProperty("contradictions") long contradictions) {
}
