package org.ceasefire.topology.tally;

import org.ceasefire.avro.Casualty;
import org.ceasefire.avro.ContradictionKind;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.internal.AccusationLinks;
import org.ceasefire.avro.internal.SectorPair;

/**
 * What a statement, an accusation's links and a pair add to their sector's tally of one day. A tally
 * is the sum of the contributions of what is active, so every change subtracts the old contribution
 * and adds the new one: revisions, retractions and duplicates can never be counted twice. Which day a
 * contribution belongs to is {@link TallyDays}' to say.
 */
public final class Contributions {
    private Contributions() {
    }

    /** What the statement itself says: counted by issuer (its claim, its casualty figures), {@code sign} times. */
    public static void statement(MinistryStatement s, TallyCounts counts, int sign) {
        statement(s, true, counts, sign);
    }

    /**
     * What the statement says, with its casualty figures only when {@code withCasualties}: a statement whose
     * figures a later one of its issuer replaces ({@code updates}) is still counted, its figures are not.
     */
    public static void statement(MinistryStatement s, boolean withCasualties, TallyCounts counts, int sign) {
        String issuer = s.getIssuer();
        counts.add(TallyCounts.STATEMENTS, issuer, sign);
        switch (s.getClaim()) {
            case ACCUSATION -> counts.add(TallyCounts.ACCUSATIONS, issuer, sign);
            case DENIAL -> counts.add(TallyCounts.DENIALS, issuer, sign);
            case CALM -> counts.add(TallyCounts.CALM_REPORTS, issuer, sign);
            case OBSERVATION -> counts.add(TallyCounts.OBSERVATIONS, issuer, sign);
            default -> { }
        }
        if (withCasualties) {
            casualties(s, counts, sign);
        }
    }

    /** The statement's casualty figures alone, keyed {@code issuer>party}, {@code sign} times. */
    public static void casualties(MinistryStatement s, TallyCounts counts, int sign) {
        String issuer = s.getIssuer();
        for (Casualty casualty : s.getCasualties()) {
            String key = issuer + ">" + casualty.getParty();
            counts.add(TallyCounts.KILLED, key, sign * (long) casualty.getKilled());
            counts.add(TallyCounts.WOUNDED, key, sign * (long) casualty.getWounded());
            counts.add(TallyCounts.CAPTURED, key, sign * (long) casualty.getCaptured());
            counts.add(TallyCounts.MISSING, key, sign * (long) casualty.getMissing());
            if (casualty.getCivilian()) {
                counts.add(TallyCounts.CIVILIAN_KILLED, key, sign * (long) casualty.getKilled());
                counts.add(TallyCounts.CIVILIAN_WOUNDED, key, sign * (long) casualty.getWounded());
                // The older map, kept with its meaning for readers of the earlier schema.
                counts.add(TallyCounts.CIVILIAN, key, sign * (long) (casualty.getKilled() + casualty.getWounded()));
            }
        }
    }

    /**
     * An active accusation with no pair is unanswered; if an observation corroborates it, that counts as a
     * corroboration (a paired accusation's corroboration is counted on its pairs instead). Nothing while
     * the accusation is not active in the sector.
     */
    public static void accusation(AccusationLinks links, TallyCounts counts, int sign) {
        if (links == null || links.getActiveDay() == null || links.getPairs() > 0) {
            return;
        }
        counts.addUnanswered(sign);
        counts.addCorroborations(links.getCorroborators() > 0 ? sign : 0);
    }

    /** A pair: one contradiction of its kind, and one corroboration when it is corroborated. */
    public static void pair(SectorPair pair, TallyCounts counts, int sign) {
        counts.add(TallyCounts.CONTRADICTIONS, kind(pair).name(), sign);
        counts.addCorroborations(pair.getCorroborated() ? sign : 0);
    }

    private static ContradictionKind kind(SectorPair pair) {
        return pair.getReferredPair() != null ? pair.getReferredPair().getKind() : pair.getKind();
    }
}
