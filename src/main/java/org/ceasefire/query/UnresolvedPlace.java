package org.ceasefire.query;

/** A place name as written that the gazetteer does not know, and how many statements used it. */
public record UnresolvedPlace(String name, long count) {
}
