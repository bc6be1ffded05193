package org.ceasefire.topology;

import org.ceasefire.avro.ClaimType;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.internal.ResolvedStatement;
import org.ceasefire.conflict.ConflictDefinition;

/**
 * Which statements take part in pairing by time. The intake needs it to route whole-front calm
 * reports, the sector stage to pair; both ask here, so the rule is stated once.
 */
public final class TimePairing {
    private TimePairing() {
    }

    /**
     * Late statements and unknown places pair only through refers_to, and a DENIAL that names what it
     * answers pairs only with that.
     */
    public static boolean eligible(ResolvedStatement s) {
        MinistryStatement statement = s.getStatement();
        if (s.getLate() || statement.getRetracted() || ConflictDefinition.UNRESOLVED_SECTOR.equals(s.getSector())) {
            return false;
        }
        return statement.getClaim() != ClaimType.DENIAL || !hasText(statement.getRefersTo());
    }

    public static boolean hasText(String value) {
        return value != null && !value.isEmpty();
    }
}
