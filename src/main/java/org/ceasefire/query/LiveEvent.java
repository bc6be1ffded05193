package org.ceasefire.query;

import org.apache.avro.specific.SpecificRecord;
import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.SectorTally;

/**
 * Something a dashboard should redraw for. {@code key} is the record's key on its topic (a pair id
 * or a tally key); {@code record} is the new value, null when a pair was withdrawn.
 */
public record LiveEvent(Type type, String key, SpecificRecord record) {

    public enum Type {
        TALLY_CHANGED("tally-changed"),
        CONTRADICTION_ADDED("contradiction-added"),
        CONTRADICTION_UPDATED("contradiction-updated"),
        CONTRADICTION_WITHDRAWN("contradiction-withdrawn");

        private final String eventName;

        Type(String eventName) {
            this.eventName = eventName;
        }

        /** The SSE event name the browser listens for. */
        public String eventName() {
            return eventName;
        }
    }

    public static LiveEvent tallyChanged(String key, SectorTally tally) {
        return new LiveEvent(Type.TALLY_CHANGED, key, tally);
    }

    public static LiveEvent contradictionAdded(ClaimContradiction pair) {
        return new LiveEvent(Type.CONTRADICTION_ADDED, pair.getPairId(), pair);
    }

    public static LiveEvent contradictionUpdated(ClaimContradiction pair) {
        return new LiveEvent(Type.CONTRADICTION_UPDATED, pair.getPairId(), pair);
    }

    public static LiveEvent contradictionWithdrawn(String pairId) {
        return new LiveEvent(Type.CONTRADICTION_WITHDRAWN, pairId, null);
    }
}
