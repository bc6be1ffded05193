package org.ceasefire.conflict;

import java.time.LocalDate;
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
        for (Party party : allIssuers(sideOne, sideTwo, monitors)) {
            for (Area area : party.areas()) {
                for (String sector : area.sectors()) {
                    if (!sectorIds.contains(sector)) {
                        problems.add("party " + party.code() + ": area sector " + sector + " is not a sector of the conflict");
                    }
                }
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

    /**
     * Whether {@code partyCode} speaks for {@code sector} on {@code day}: the sector is in its area of
     * responsibility (always, for an issuer without areas). The whole front is in its area only when
     * every sector of the conflict is; an unknown code speaks for nothing.
     */
    public boolean speaksFor(String partyCode, String sector, LocalDate day) {
        Party party = issuer(partyCode);
        if (party == null) {
            return false;
        }
        if (party.areas().isEmpty()) {
            return true;
        }
        if (!WHOLE_FRONT_SECTOR.equals(sector)) {
            return party.speaksFor(sector, day);
        }
        for (Sector each : sectors) {
            if (!party.speaksFor(each.id(), day)) {
                return false;
            }
        }
        return true;
    }

    /** The conflict's sectors in the area of {@code partyCode} on {@code day}, in the conflict's order. */
    public List<String> sectorsSpokenFor(String partyCode, LocalDate day) {
        Party party = issuer(partyCode);
        List<String> result = new ArrayList<>();
        for (Sector sector : sectors) {
            if (party != null && party.speaksFor(sector.id(), day)) {
                result.add(sector.id());
            }
        }
        return result;
    }

    /** Plain loops, not {@link #party}: the pairing rules ask this for every candidate they relate. */
    private Party issuer(String partyCode) {
        Party found = find(sideOne.parties(), partyCode);
        if (found == null) {
            found = find(sideTwo.parties(), partyCode);
        }
        return found == null ? find(monitors, partyCode) : found;
    }

    private static Party find(List<Party> parties, String partyCode) {
        for (Party party : parties) {
            if (party.code().equals(partyCode)) {
                return party;
            }
        }
        return null;
    }

    public boolean hasSector(String sectorId) {
        return sectors.stream().anyMatch(sector -> sector.id().equals(sectorId));
    }
}
