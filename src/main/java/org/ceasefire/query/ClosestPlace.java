package org.ceasefire.query;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A gazetteer name near an unresolved one: the name as the gazetteer lists it, its place, the
 * place's current sector (null when it is in none), and the edit distance between the two names'
 * skeletons (0: they differ only in spelling details the skeleton ignores).
 */
public record ClosestPlace(@JsonProperty("name") String name,
                           @JsonProperty("place_id") String placeId,
                           @JsonProperty("sector") String sector,
                           @JsonProperty("sector_name") String sectorName,
                           @JsonProperty("distance") int distance) {
}
