package org.ceasefire.conflict;

/** A stretch of the front that tallies are kept for. */
public record Sector(String id, String name) {
}
