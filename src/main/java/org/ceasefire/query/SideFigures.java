package org.ceasefire.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ceasefire.conflict.ConflictDefinition;
import org.ceasefire.conflict.Side;

/**
 * Turns per-party counts of a period into per-side figures: what each side said, and each side's
 * losses as it claims them and as the other side claims them. Parties are attributed to the side
 * the conflict definition lists them under; monitors and unknown codes belong to neither side.
 */
final class SideFigures {
    private final ConflictDefinition conflict;

    SideFigures(ConflictDefinition conflict) {
        this.conflict = conflict;
    }

    ActivityPeriod activity(PeriodTotals period) {
        TallyTotals totals = period.totals();
        return new ActivityPeriod(period.start(), period.end(), bySide(totals.accusations()), bySide(totals.statements()),
                totals.contradictionCount(), totals.unanswered());
    }

    CasualtyComparison casualties(PeriodTotals period) {
        TallyTotals totals = period.totals();
        Side one = conflict.sideOne();
        Side two = conflict.sideTwo();
        List<CasualtyComparison.SideLosses> losses = List.of(losses(totals, one, two), losses(totals, two, one));
        return new CasualtyComparison(period.sector().orElse(null), period.start(), period.end(), losses);
    }

    private static CasualtyComparison.SideLosses losses(TallyTotals totals, Side side, Side other) {
        return new CasualtyComparison.SideLosses(side.id(), side.name(),
                claims(totals.killed(), side, other), claims(totals.wounded(), side, other), claims(totals.civilian(), side, other));
    }

    /** Counts keyed {@code issuer>party}: the side's losses by its own issuers and by the other side's. */
    private static CasualtyComparison.Claims claims(Map<String, Long> byIssuerAndParty, Side side, Side other) {
        long byItself = 0;
        long byOther = 0;
        for (Map.Entry<String, Long> entry : byIssuerAndParty.entrySet()) {
            int arrow = entry.getKey().indexOf('>');
            if (arrow < 0 || !side.has(entry.getKey().substring(arrow + 1))) {
                continue;
            }
            String issuer = entry.getKey().substring(0, arrow);
            if (side.has(issuer)) {
                byItself += entry.getValue();
            } else if (other.has(issuer)) {
                byOther += entry.getValue();
            }
        }
        return CasualtyComparison.Claims.of(byItself, byOther);
    }

    /** Both sides always present, with 0 when a side has none, so that series line up. */
    Map<String, Long> bySide(Map<String, Long> byParty) {
        Map<String, Long> sides = new LinkedHashMap<>();
        sides.put(conflict.sideOne().id(), 0L);
        sides.put(conflict.sideTwo().id(), 0L);
        byParty.forEach((party, count) -> conflict.sideOf(party).ifPresent(side -> sides.merge(side.id(), count, Long::sum)));
        return sides;
    }
}
