package org.ceasefire.query;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A place name as written that the gazetteer does not know, how many statements used it, and the
 * gazetteer names closest to it (empty where not computed: an instance's own answer to another).
 */
public record UnresolvedPlace(@JsonProperty("name") String name,
                              @JsonProperty("count") long count,
                              @JsonProperty("closest") List<ClosestPlace> closest) {
    public UnresolvedPlace {
        closest = List.copyOf(closest);
    }

    public UnresolvedPlace(String name, long count) {
        this(name, count, List.of());
    }
}
