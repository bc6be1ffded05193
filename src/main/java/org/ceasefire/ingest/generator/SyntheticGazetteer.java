package org.ceasefire.ingest.generator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.ceasefire.avro.Place;
import org.ceasefire.avro.SectorAssignment;
import org.ceasefire.conflict.Area;
import org.ceasefire.conflict.ConflictDefinition;
import org.ceasefire.conflict.GazetteerFile;
import org.ceasefire.conflict.Party;
import org.ceasefire.conflict.Sector;
import org.ceasefire.conflict.Side;

/**
 * Invents extra sectors with a few places each, for load tests that need more sectors than a real
 * front has. Each place gets an invented name, a variant spelling for the second side (letters
 * swapped as transliterations do) and both names in its gazetteer entry, so that resolving them
 * exercises the same code as real names. Deterministic for a seed.
 */
public final class SyntheticGazetteer {
    public static final int PLACES_PER_SECTOR = 4;
    private static final String[] SYLLABLES = {"ka", "ro", "ven", "dar", "mi", "sho", "lu", "tan", "gar", "ne", "ba", "zor", "ki", "vat", "ha", "chi"};

    private SyntheticGazetteer() {
    }

    /** The base gazetteer and spellings with {@code sectors} invented sectors added. */
    public static World extend(GazetteerFile base, SpellingBook spellings, int sectors, long seed) {
        if (sectors <= 0) {
            return new World(base, spellings);
        }
        SplittableRandom random = new SplittableRandom(seed ^ 0x5EC7025L);
        ConflictDefinition conflict = base.conflict();
        List<Sector> allSectors = new ArrayList<>(conflict.sectors());
        List<Place> places = new ArrayList<>(base.places());
        Map<String, Map<String, List<String>>> more = new HashMap<>();
        Set<String> used = new HashSet<>();
        for (int s = 1; s <= sectors; s++) {
            String sectorId = String.format(Locale.ROOT, "SYN-%04d", s);
            allSectors.add(new Sector(sectorId, "Synthetic sector " + s));
            for (int p = 1; p <= PLACES_PER_SECTOR; p++) {
                String word = uniqueWord(random, used);
                String variant = variant(word);
                String placeId = String.format(Locale.ROOT, "syn-%04d-%d", s, p);
                List<String> names = List.copyOf(new LinkedHashSet<>(List.of(word, variant)));
                places.add(new Place(placeId, conflict.id(), names, List.of(new SectorAssignment(sectorId, null, null)), null, null, null));
                more.put(placeId, Map.of(conflict.sideOne().id(), List.of(word), conflict.sideTwo().id(), List.of(variant),
                        SpellingBook.NEUTRAL, List.of(word)));
            }
        }
        List<String> invented = allSectors.subList(conflict.sectors().size(), allSectors.size()).stream().map(Sector::id).toList();
        ConflictDefinition extended = withInventedSectors(conflict, allSectors, invented);
        return new World(new GazetteerFile(extended, places), spellings.with(more));
    }

    /**
     * The conflict with the invented sectors added to the area of each side's first party and of every monitor
     * that has areas: border sectors that both ministries and the monitors speak for, so that calm reports and
     * observations there pair as they do on a real front (an issuer without areas speaks for every sector anyway).
     */
    private static ConflictDefinition withInventedSectors(ConflictDefinition conflict, List<Sector> allSectors, List<String> invented) {
        Area area = new Area(invented, null, null, "sectors invented for load tests");
        return new ConflictDefinition(conflict.id(), conflict.name(), withFirstPartyIn(conflict.sideOne(), area),
                withFirstPartyIn(conflict.sideTwo(), area), conflict.monitors().stream().map(m -> with(m, area)).toList(),
                allSectors, conflict.nameRules(), conflict.timeZone());
    }

    private static Side withFirstPartyIn(Side side, Area area) {
        List<Party> parties = new ArrayList<>(side.parties());
        parties.set(0, with(parties.get(0), area));
        return new Side(side.id(), side.name(), parties);
    }

    private static Party with(Party party, Area area) {
        if (party.areas().isEmpty()) {
            return party;
        }
        List<Area> areas = new ArrayList<>(party.areas());
        areas.add(area);
        return new Party(party.code(), party.name(), party.validFrom(), party.validUntil(), areas);
    }

    private static String uniqueWord(SplittableRandom random, Set<String> used) {
        while (true) {
            StringBuilder word = new StringBuilder();
            int syllables = 2 + random.nextInt(3);
            for (int i = 0; i < syllables; i++) {
                word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            String name = Character.toUpperCase(word.charAt(0)) + word.substring(1);
            if (used.add(name)) {
                return name;
            }
        }
    }

    /** The other side's spelling: the letter swaps that transliterations between scripts typically make. */
    static String variant(String word) {
        return word.replace("ch", "ç").replace("sh", "ş").replace("K", "Q").replace("k", "q").replace("v", "w") + "i";
    }

    /** A gazetteer and the spellings each side uses: what the generator draws names from. */
    public record World(GazetteerFile gazetteer, SpellingBook spellings) {
    }
}
