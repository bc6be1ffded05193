package org.ceasefire.conflict;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who is who in one ceasefire: its two sides with their parties, the neutral monitors, and the
 * sectors of the front, and its time zone (whose days the tallies count). Everything conflict-specific is
 * data in this object, never code.
 */
public record ConflictDefinition(String id, String name, Side sideOne, Side sideTwo, List<Party> monitors, List<Sector> sectors,
                                 NameRules nameRules, ZoneId timeZone) {
    /** The sector of statements whose place is not in the gazetteer. */
    public static final String UNRESOLVED_SECTOR = "UNRESOLVED";
    /** The sector of statements that name no place: the whole front. */
    public static final String WHOLE_FRONT_SECTOR = "WHOLE_FRONT";

    public ConflictDefinition {
        monitors = List.copyOf(monitors);
        nameRules = nameRules == null ? NameRules.NONE : nameRules;
        timeZone = timeZone == null ? ZoneOffset.UTC : timeZone;
        sectors = List.copyOf(sectors);
        List<String> problems = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (Party party : allIssuers(sideOne, sideTwo, monitors)) {
            if (!codes.add(party.code())) {
                problems.add("party code " + party.code() + " is listed more than once");
            }
        }
        Set<String> sectorIds = new HashSet<>();
        for (Sector sector : sectors) {
            if (!sectorIds.add(sector.id())) {
                problems.add("sector " + sector.id() + " is listed more than once");
            }
            if (sector.id().equals(UNRESOLVED_SECTOR) || sector.id().equals(WHOLE_FRONT_SECTOR)) {
                problems.add("sector id " + sector.id() + " is reserved");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Conflict definition " + id + " is invalid: " + String.join("; ", problems));
        }
    }

    /** A conflict whose days are UTC days. */
    public ConflictDefinition(String id, String name, Side sideOne, Side sideTwo, List<Party> monitors, List<Sector> sectors,
                              NameRules nameRules) {
        this(id, name, sideOne, sideTwo, monitors, sectors, nameRules, ZoneOffset.UTC);
    }

    /** A conflict whose names match only as listed (no language rules) and whose days are UTC days. */
    public ConflictDefinition(String id, String name, Side sideOne, Side sideTwo, List<Party> monitors, List<Sector> sectors) {
        this(id, name, sideOne, sideTwo, monitors, sectors, NameRules.NONE);
    }

    /** The same conflict with other sectors. */
    public ConflictDefinition withSectors(List<Sector> newSectors) {
        return new ConflictDefinition(id, name, sideOne, sideTwo, monitors, newSectors, nameRules, timeZone);
    }

    /** The same conflict in another time zone. */
    public ConflictDefinition withTimeZone(ZoneId zone) {
        return new ConflictDefinition(id, name, sideOne, sideTwo, monitors, sectors, nameRules, zone);
    }

    /** The conflict's calendar: the local day of an incident, in {@link #timeZone()}. */
    public LocalDays days() {
        return new LocalDays(timeZone);
    }

    /** The issuer with this code, if any. */
    public Optional<Party> party(String partyCode) {
        return allIssuers(sideOne, sideTwo, monitors).stream().filter(party -> party.code().equals(partyCode)).findFirst();
    }

    private static List<Party> allIssuers(Side one, Side two, List<Party> monitors) {
        List<Party> all = new ArrayList<>(one.parties());
        all.addAll(two.parties());
        all.addAll(monitors);
        return all;
    }

    /** The side a party belongs to; empty for a monitor or an unknown code. */
    public Optional<Side> sideOf(String partyCode) {
        if (sideOne.has(partyCode)) {
            return Optional.of(sideOne);
        }
        if (sideTwo.has(partyCode)) {
            return Optional.of(sideTwo);
        }
        return Optional.empty();
    }

    public boolean isMonitor(String partyCode) {
        return monitors.stream().anyMatch(monitor -> monitor.code().equals(partyCode));
    }

    public boolean isKnown(String partyCode) {
        return sideOf(partyCode).isPresent() || isMonitor(partyCode);
    }

    /** True when the two codes belong to different sides (never true for a monitor). */
    public boolean areOpposed(String partyA, String partyB) {
        Optional<Side> a = sideOf(partyA);
        Optional<Side> b = sideOf(partyB);
        return a.isPresent() && b.isPresent() && !a.get().id().equals(b.get().id());
    }

    public boolean hasSector(String sectorId) {
        return sectors.stream().anyMatch(sector -> sector.id().equals(sectorId));
    }
}
