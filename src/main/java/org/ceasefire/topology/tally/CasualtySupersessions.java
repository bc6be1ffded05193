package org.ceasefire.topology.tally;

import java.util.ArrayList;

import org.apache.kafka.streams.state.KeyValueStore;
import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.StatementRef;
import org.ceasefire.avro.internal.CasualtySupersession;
import org.ceasefire.avro.internal.ResolvedStatement;
import org.ceasefire.topology.SectorKeys;

/**
 * The statements of a sector whose casualty figures a later statement of their issuer replaces, as the
 * casualty-update stage reported them ({@code sector|statement_id|issuer} → {@link CasualtySupersession}). A
 * statement's figures are tallied while it is active in the sector and its current issuer's chains do not
 * replace them; the row and the statement may arrive in either order, and each change adds or subtracts
 * exactly the figures it moves. The issuer is part of the key because a revision may change the issuer,
 * and the two issuers' tasks report independently: each writes only its own row.
 */
public final class CasualtySupersessions {
    private final KeyValueStore<String, CasualtySupersession> store;
    private final TallyDays days;

    public CasualtySupersessions(KeyValueStore<String, CasualtySupersession> store, TallyDays days) {
        this.store = store;
        this.days = days;
    }

    /** Whether the statement's own figures count in {@code sector}. */
    public boolean figuresCount(String sector, ResolvedStatement statement) {
        return row(sector, statement.getStatement().getStatementId(), statement.getStatement().getIssuer()) == null;
    }

    private CasualtySupersession row(String sector, String statementId, String issuer) {
        return store.get(key(sector, statementId, issuer));
    }

    private static String key(String sector, String statementId, String issuer) {
        return SectorKeys.member(sector, statementId) + SectorKeys.SEPARATOR + issuer;
    }

    /**
     * Records the stage's news about a statement; when the statement is active in the sector ({@code present}
     * not null) and whether its figures count changes, its figures are added to or taken from its day.
     *
     * @return true when the statement in the sector is concerned and its state changed (its pairs then show it)
     */
    public boolean apply(String sector, CasualtySupersession news, ResolvedStatement present, TallyChanges changes) {
        String key = key(sector, news.getStatementId(), news.getIssuer());
        CasualtySupersession before = store.get(key);
        CasualtySupersession after = news.getSupersededBy() == null ? null : news;
        if (before == null ? after == null : before.equals(after)) {
            return false;
        }
        boolean itsIssuer = present != null && present.getStatement().getIssuer().equals(news.getIssuer());
        if (itsIssuer && (before == null) != (after == null)) {
            Contributions.casualties(present.getStatement(), changes.at(sector, days.of(present.getStatement().getIncidentStart())),
                    after == null ? 1 : -1);
        }
        if (after == null) {
            store.delete(key);
        } else {
            store.put(key, after);
        }
        return itsIssuer;
    }

    /** The pair with each of its statements that belongs to this sector marked when its figures are replaced. */
    public ClaimContradiction annotate(String sector, ClaimContradiction pair) {
        StatementRef one = annotate(sector, pair.getSideOne());
        StatementRef two = annotate(sector, pair.getSideTwo());
        if (one == pair.getSideOne() && two == pair.getSideTwo()) {
            return pair;
        }
        return ClaimContradiction.newBuilder(pair).setSideOne(one).setSideTwo(two).build();
    }

    private StatementRef annotate(String sector, StatementRef ref) {
        CasualtySupersession row = row(sector, ref.getStatementId(), ref.getIssuer());
        if (row == null) {
            return ref.getCasualtiesSupersededBy() == null ? ref
                    : StatementRef.newBuilder(ref).setCasualtiesSupersededBy(null).setLatestCasualties(new ArrayList<>()).build();
        }
        return StatementRef.newBuilder(ref).setCasualtiesSupersededBy(row.getSupersededBy())
                .setLatestCasualties(new ArrayList<>(row.getLatestCasualties())).build();
    }
}
