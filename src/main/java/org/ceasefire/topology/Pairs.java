package org.ceasefire.topology;

import java.util.ArrayList;
import java.util.List;

import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.ContradictionKind;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.StatementRef;
import org.ceasefire.avro.internal.ResolvedStatement;
import org.ceasefire.conflict.ConflictDefinition;

/** Builds contradictions: deterministic ids, statements placed by the conflict's side order. */
public final class Pairs {
    private final ConflictDefinition conflict;

    public Pairs(ConflictDefinition conflict) {
        this.conflict = conflict;
    }

    /** The pair's id: the two statement ids, sorted, joined with {@code |}; the same on every replay. */
    public static String pairId(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a;
    }

    /** A pair of two statements of opposite sides, not yet corroborated, as precise as the coarser of the two. */
    public ClaimContradiction pair(ContradictionKind kind, String sector, ResolvedStatement a, ResolvedStatement b) {
        boolean aFirst = conflict.sideOne().has(a.getStatement().getIssuer());
        ResolvedStatement one = aFirst ? a : b;
        ResolvedStatement two = aFirst ? b : a;
        long start = Math.min(a.getStatement().getIncidentStart().toEpochMilli(), b.getStatement().getIncidentStart().toEpochMilli());
        return ClaimContradiction.newBuilder()
                .setPairId(pairId(a.getStatement().getStatementId(), b.getStatement().getStatementId()))
                .setKind(kind)
                .setSector(sector)
                .setIncidentStart(java.time.Instant.ofEpochMilli(start))
                .setSideOne(ref(one))
                .setSideTwo(ref(two))
                .setCorroborated(false)
                .setCorroboratingStatements(new ArrayList<>())
                .setTimePrecision(Precision.coarser(a.getStatement().getTimePrecision(), b.getStatement().getTimePrecision()))
                .setPlacePrecision(Precision.coarserPlace(a.getPlacePrecision(), b.getPlacePrecision()))
                .build();
    }

    /** The pair as published: corroborated when any observation corroborates one of its accusations. */
    public static ClaimContradiction withCorroboration(ClaimContradiction pair, List<String> corroborating) {
        List<String> sorted = corroborating.stream().distinct().sorted().toList();
        return ClaimContradiction.newBuilder(pair)
                .setCorroborated(!sorted.isEmpty())
                .setCorroboratingStatements(new ArrayList<>(sorted))
                .build();
    }

    /** The statement id of each accusation in the pair (one, or two for a mutual accusation). */
    public static List<String> accusationIds(ClaimContradiction pair) {
        List<String> ids = new ArrayList<>(2);
        for (StatementRef ref : List.of(pair.getSideOne(), pair.getSideTwo())) {
            if (ref.getClaim() == org.ceasefire.avro.ClaimType.ACCUSATION) {
                ids.add(ref.getStatementId());
            }
        }
        return ids;
    }

    private StatementRef ref(ResolvedStatement resolved) {
        MinistryStatement s = resolved.getStatement();
        String side = conflict.sideOf(s.getIssuer()).map(org.ceasefire.conflict.Side::id).orElse("");
        return StatementRef.newBuilder()
                .setStatementId(s.getStatementId())
                .setRevision(s.getRevision())
                .setIssuer(s.getIssuer())
                .setSide(side)
                .setClaim(s.getClaim())
                .setAccused(s.getAccused())
                .setPublishedAt(s.getPublishedAt())
                .setIncidentStart(s.getIncidentStart())
                .setIncidentEnd(s.getIncidentEnd())
                .setLocation(s.getLocation())
                .setPlaceId(resolved.getPlaceId())
                .setCasualties(new ArrayList<>(s.getCasualties()))
                .setWeapons(new ArrayList<>(s.getWeapons()))
                .setSourceUrl(s.getSourceUrl())
                .setText(s.getText())
                .setLogPartition(resolved.getLogPartition())
                .setLogOffset(resolved.getLogOffset())
                .build();
    }
}
