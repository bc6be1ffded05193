package org.ceasefire.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.StatementRef;

/**
 * Groups pairs into incident clusters: the connected components of the graph whose nodes are
 * statements and whose edges are pairs, one graph per sector (the pair's sector). When one side
 * issues n statements about one sector within the pairing distance of n statements of the other,
 * the n² pairs they form are one cluster with n statements per side.
 *
 * <p>A cluster is not cut in time: the pairing rules already bound every edge (two statements pair
 * only within the pairing distance, a calm report only with what its period covers, a denial with
 * the accusation it answers), so a cluster spanning days means statements kept contradicting each
 * other without a gap, and any cut (a day boundary, a maximum length) would split one night's
 * exchange or put a pair in two clusters. Its first and last incident show how long it is.
 *
 * <p>A cluster's id is its sector and its first statement (earliest incident start, then lowest
 * statement id): the same on every instance and in every replay, kept while later statements join,
 * and when two clusters merge the merged one keeps the id of the one that began first.
 */
final class IncidentClusters {
    /** Newest first incident first; the id breaks ties so that the order is total, as for pairs. */
    static final Comparator<Cluster> NEWEST_FIRST = Comparator
            .comparing((Cluster c) -> c.firstIncident().toEpochMilli(), Comparator.reverseOrder())
            .thenComparing(Cluster::id);
    private static final Comparator<StatementRef> FIRST_INCIDENT = Comparator
            .comparing(StatementRef::getIncidentStart).thenComparing(StatementRef::getStatementId);

    /**
     * One cluster as computed.
     *
     * @param sideOne, sideTwo each side's statements (the latest revision any pair holds), first incident first
     * @param pairs            its pairs, newest incident first
     */
    record Cluster(String id, String sector, Instant firstIncident, Instant lastIncident, List<StatementRef> sideOne,
                   List<StatementRef> sideTwo, List<ClaimContradiction> pairs) {
    }

    private IncidentClusters() {
    }

    /** The clusters of these pairs (each pair once, as the API lists them), newest first. */
    static List<Cluster> of(Collection<ClaimContradiction> pairs) {
        Map<String, List<ClaimContradiction>> bySector = new TreeMap<>();
        pairs.forEach(pair -> bySector.computeIfAbsent(pair.getSector(), s -> new ArrayList<>()).add(pair));
        List<Cluster> clusters = new ArrayList<>();
        bySector.forEach((sector, inSector) -> clusters.addAll(ofSector(sector, inSector)));
        clusters.sort(NEWEST_FIRST);
        return clusters;
    }

    private static List<Cluster> ofSector(String sector, List<ClaimContradiction> pairs) {
        Components components = new Components();
        pairs.forEach(pair -> components.join(pair.getSideOne().getStatementId(), pair.getSideTwo().getStatementId()));
        Map<String, List<ClaimContradiction>> byRoot = new HashMap<>();
        pairs.forEach(pair -> byRoot.computeIfAbsent(components.root(pair.getSideOne().getStatementId()), r -> new ArrayList<>()).add(pair));
        return byRoot.values().stream().map(members -> cluster(sector, members)).toList();
    }

    private static Cluster cluster(String sector, List<ClaimContradiction> pairs) {
        Map<String, StatementRef> sideOne = new TreeMap<>();
        Map<String, StatementRef> sideTwo = new TreeMap<>();
        for (ClaimContradiction pair : pairs) {
            sideOne.merge(pair.getSideOne().getStatementId(), pair.getSideOne(), IncidentClusters::later);
            sideTwo.merge(pair.getSideTwo().getStatementId(), pair.getSideTwo(), IncidentClusters::later);
        }
        List<StatementRef> all = new ArrayList<>(sideOne.values());
        all.addAll(sideTwo.values());
        all.sort(FIRST_INCIDENT);
        StatementRef first = all.get(0);
        Instant last = all.stream().map(StatementRef::getIncidentStart).max(Comparator.naturalOrder()).orElseThrow();
        List<ClaimContradiction> newestFirst = new ArrayList<>(pairs);
        newestFirst.sort(PageCursor.NEWEST_FIRST);
        return new Cluster(id(sector, first.getStatementId()), sector, first.getIncidentStart(), last,
                sorted(sideOne.values()), sorted(sideTwo.values()), List.copyOf(newestFirst));
    }

    static String id(String sector, String firstStatementId) {
        return sector + ":" + firstStatementId;
    }

    /** The sector part of a cluster id (sector ids hold no colon). */
    static String sectorOf(String clusterId) {
        int colon = clusterId.indexOf(':');
        return colon < 0 ? "" : clusterId.substring(0, colon);
    }

    private static List<StatementRef> sorted(Collection<StatementRef> refs) {
        return refs.stream().sorted(FIRST_INCIDENT).toList();
    }

    /** Two pairs may hold different revisions of one statement (one formed before the revision): the later counts. */
    private static StatementRef later(StatementRef a, StatementRef b) {
        return b.getRevision() > a.getRevision() ? b : a;
    }

    /** Union-find over statement ids, with path halving. */
    private static final class Components {
        private final Map<String, String> parent = new HashMap<>();

        String root(String id) {
            String node = id;
            parent.putIfAbsent(node, node);
            while (!parent.get(node).equals(node)) {
                String grandparent = parent.get(parent.get(node));
                parent.put(node, grandparent);
                node = grandparent;
            }
            return node;
        }

        void join(String a, String b) {
            String rootA = root(a);
            String rootB = root(b);
            if (!rootA.equals(rootB)) {
                parent.put(rootA, rootB);
            }
        }
    }
}
