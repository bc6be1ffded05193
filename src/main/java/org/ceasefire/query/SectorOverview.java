package org.ceasefire.query;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.ceasefire.avro.SectorTally;

/** One sector, its display name, and its current tallies; a period with no statements yet is null. */
public record SectorOverview(@JsonProperty("sector") String sector,
                             @JsonProperty("name") String name,
                             @JsonProperty("rolling_7d") SectorTally rolling7d,
                             @JsonProperty("rolling_30d") SectorTally rolling30d,
                             @JsonProperty("all_time") SectorTally allTime) {
}
