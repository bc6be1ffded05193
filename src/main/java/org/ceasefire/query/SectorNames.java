package org.ceasefire.query;

import org.ceasefire.conflict.ConflictDefinition;
import org.ceasefire.conflict.Sector;

/** A sector's display name: the conflict definition's, or a plain name for the two sectors every conflict has. */
final class SectorNames {
    static final String UNRESOLVED_NAME = "Unresolved place names";
    static final String WHOLE_FRONT_NAME = "Whole front";

    private SectorNames() {
    }

    static String of(ConflictDefinition conflict, String sectorId) {
        if (ConflictDefinition.UNRESOLVED_SECTOR.equals(sectorId)) {
            return UNRESOLVED_NAME;
        }
        if (ConflictDefinition.WHOLE_FRONT_SECTOR.equals(sectorId)) {
            return WHOLE_FRONT_NAME;
        }
        return conflict.sectors().stream().filter(sector -> sector.id().equals(sectorId)).map(Sector::name).findFirst().orElse(sectorId);
    }
}
