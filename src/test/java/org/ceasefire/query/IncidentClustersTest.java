package org.ceasefire.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.ClaimType;
import org.ceasefire.avro.ContradictionKind;
import org.ceasefire.avro.StatementRef;
import org.ceasefire.conflict.ConflictDefinition;
import org.ceasefire.conflict.GazetteerFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Incident clusters: connected components of the pairs, per sector")
class IncidentClustersTest {
    private static final ConflictDefinition CONFLICT = GazetteerFile.builtIn().conflict();

    static ClaimContradiction pair(String sector, ContradictionKind kind, String amId, String amIncident, String azId, String azIncident) {
        ClaimContradiction template = QueryFixtures.pair(amId + "|" + azId, kind, sector, amIncident, amId, azId);
        StatementRef az = StatementRef.newBuilder(template.getSideTwo()).setIncidentStart(java.time.Instant.parse(azIncident)).build();
        java.time.Instant earlier = java.time.Instant.parse(amIncident).isBefore(az.getIncidentStart())
                ? java.time.Instant.parse(amIncident) : az.getIncidentStart();
        return ClaimContradiction.newBuilder(template).setSideTwo(az).setIncidentStart(earlier).build();
    }

    /** Three accusations per side within the pairing distance in Syunik: every one of a side pairs with every one of the other. */
    static List<ClaimContradiction> denseNight() {
        List<ClaimContradiction> pairs = new ArrayList<>();
        for (int am = 1; am <= 3; am++) {
            for (int az = 1; az <= 3; az++) {
                pairs.add(pair("SYUNIK", ContradictionKind.MUTUAL_ACCUSATION, "am-" + am, "2023-04-11T0" + am + ":00:00Z",
                        "az-" + az, "2023-04-11T0" + az + ":30:00Z"));
            }
        }
        return pairs;
    }

    @Test
    @DisplayName("3 statements per side, 9 pairs: one cluster with 3 statements per side, its period and id from its first statement")
    void denseCase() {
        List<IncidentClusters.Cluster> clusters = IncidentClusters.of(denseNight());
        assertThat(clusters).hasSize(1);
        IncidentClusters.Cluster night = clusters.get(0);
        assertThat(night.id()).isEqualTo("SYUNIK:am-1");
        assertThat(night.sideOne()).extracting(StatementRef::getStatementId).containsExactly("am-1", "am-2", "am-3");
        assertThat(night.sideTwo()).extracting(StatementRef::getStatementId).containsExactly("az-1", "az-2", "az-3");
        assertThat(night.pairs()).hasSize(9);
        assertThat(night.firstIncident()).hasToString("2023-04-11T01:00:00Z");
        assertThat(night.lastIncident()).hasToString("2023-04-11T03:30:00Z");

        IncidentCluster shown = IncidentCluster.of(night, ContradictionFilter.all(), CONFLICT);
        assertThat(shown.pairCount()).isEqualTo(9);
        assertThat(shown.pairsByKind()).containsExactly(java.util.Map.entry("MUTUAL_ACCUSATION", 9L));
        assertThat(shown.sideOne().side()).isEqualTo("ARMENIAN");
        assertThat(shown.sideTwo().statementIds()).containsExactly("az-1", "az-2", "az-3");
        assertThat(shown.sideOne().statements().get(0).claim()).isEqualTo("ACCUSATION");
        assertThat(shown.pairs()).isEqualTo("/api/clusters/SYUNIK:am-1/pairs");
        assertThat(shown.sectorName()).isEqualTo(SectorNames.of(CONFLICT, "SYUNIK"));
    }

    @Test
    @DisplayName("a chain through one statement is one cluster; an unconnected pair is another; the newest comes first")
    void chainsAndSeparateEpisodes() {
        List<ClaimContradiction> pairs = List.of(
                // az-c answers am-a and am-b: a chain am-a – az-c – am-b, whatever the kinds.
                pair("SYUNIK", ContradictionKind.MUTUAL_ACCUSATION, "am-a", "2023-04-11T10:00:00Z", "az-c", "2023-04-11T14:00:00Z"),
                pair("SYUNIK", ContradictionKind.ACCUSATION_VS_CALM, "am-b", "2023-04-11T19:00:00Z", "az-c", "2023-04-11T14:00:00Z"),
                pair("SYUNIK", ContradictionKind.MUTUAL_ACCUSATION, "am-x", "2023-04-20T10:00:00Z", "az-x", "2023-04-20T11:00:00Z"));
        List<IncidentClusters.Cluster> clusters = IncidentClusters.of(pairs);
        assertThat(clusters).extracting(IncidentClusters.Cluster::id).containsExactly("SYUNIK:am-x", "SYUNIK:am-a");
        IncidentClusters.Cluster chain = clusters.get(1);
        assertThat(chain.sideOne()).extracting(StatementRef::getStatementId).containsExactly("am-a", "am-b");
        assertThat(chain.sideTwo()).extracting(StatementRef::getStatementId).containsExactly("az-c");
        assertThat(chain.lastIncident()).hasToString("2023-04-11T19:00:00Z");
        assertThat(IncidentCluster.of(chain, ContradictionFilter.all(), CONFLICT).pairsByKind())
                .containsExactly(java.util.Map.entry("ACCUSATION_VS_CALM", 1L), java.util.Map.entry("MUTUAL_ACCUSATION", 1L));
    }

    @Test
    @DisplayName("the same statements paired in two sectors make one cluster in each sector, never one across sectors")
    void perSector() {
        List<IncidentClusters.Cluster> clusters = IncidentClusters.of(List.of(
                pair("SYUNIK", ContradictionKind.MUTUAL_ACCUSATION, "am-1", "2023-04-11T10:00:00Z", "az-1", "2023-04-11T11:00:00Z"),
                pair("TAVUSH-GAZAKH", ContradictionKind.MUTUAL_ACCUSATION, "am-1", "2023-04-11T10:00:00Z", "az-2", "2023-04-11T11:00:00Z")));
        assertThat(clusters).extracting(IncidentClusters.Cluster::id).containsExactly("SYUNIK:am-1", "TAVUSH-GAZAKH:am-1");
        assertThat(clusters).allSatisfy(cluster -> assertThat(cluster.pairs()).hasSize(1));
    }

    @Test
    @DisplayName("a cluster keeps its id as later statements join; when two merge, the one that began first names the result")
    void stableIds() {
        List<ClaimContradiction> pairs = new ArrayList<>(denseNight());
        pairs.add(pair("SYUNIK", ContradictionKind.MUTUAL_ACCUSATION, "am-4", "2023-04-11T06:00:00Z", "az-3", "2023-04-11T03:30:00Z"));
        assertThat(IncidentClusters.of(pairs)).extracting(IncidentClusters.Cluster::id).containsExactly("SYUNIK:am-1");

        ClaimContradiction later = pair("SYUNIK", ContradictionKind.MUTUAL_ACCUSATION, "am-9", "2023-04-11T11:00:00Z", "az-9", "2023-04-11T11:30:00Z");
        pairs.add(later);
        assertThat(IncidentClusters.of(pairs)).extracting(IncidentClusters.Cluster::id).containsExactly("SYUNIK:am-9", "SYUNIK:am-1");
        // A statement answering both joins them: the merged cluster is the earlier one's.
        pairs.add(pair("SYUNIK", ContradictionKind.MUTUAL_ACCUSATION, "am-4", "2023-04-11T06:00:00Z", "az-9", "2023-04-11T11:30:00Z"));
        List<IncidentClusters.Cluster> merged = IncidentClusters.of(pairs);
        assertThat(merged).extracting(IncidentClusters.Cluster::id).containsExactly("SYUNIK:am-1");
        assertThat(merged.get(0).sideOne()).hasSize(5);
        assertThat(merged.get(0).pairs()).hasSize(12);
    }

    @Test
    @DisplayName("a statement held at two revisions by two pairs is shown at the later one")
    void latestRevision() {
        ClaimContradiction first = pair("SYUNIK", ContradictionKind.MUTUAL_ACCUSATION, "am-1", "2023-04-11T10:00:00Z", "az-1", "2023-04-11T11:00:00Z");
        ClaimContradiction second = pair("SYUNIK", ContradictionKind.MUTUAL_ACCUSATION, "am-1", "2023-04-11T10:00:00Z", "az-2", "2023-04-11T12:00:00Z");
        second.getSideOne().setRevision(3);
        assertThat(IncidentClusters.of(List.of(first, second)).get(0).sideOne()).extracting(StatementRef::getRevision).containsExactly(3);
    }

    @Test
    @DisplayName("across two instances: pages of clusters that have a matching pair, each cluster whole, and its pairs by its id")
    void mergedPagesAndPairs() {
        InMemoryStores one = new InMemoryStores();
        InMemoryStores two = new InMemoryStores();
        List<ClaimContradiction> night = denseNight();
        for (int i = 0; i < night.size(); i++) {
            (i % 2 == 0 ? one : two).contradictions.add(night.get(i));
        }
        for (int day = 12; day <= 14; day++) {
            one.contradictions.add(pair("SYUNIK", ContradictionKind.ACCUSATION_DENIED, "am-d" + day, "2023-04-" + day + "T10:00:00Z",
                    "az-d" + day, "2023-04-" + day + "T12:00:00Z"));
        }
        MergingQueries queries = new MergingQueries(QueryFixtures.twoInstances(one, two), CONFLICT);

        List<String> seen = new ArrayList<>();
        Optional<PageCursor> cursor = Optional.empty();
        do {
            ClusterPage page = queries.clusters(ContradictionFilter.all(), new PageRequest(2, cursor));
            page.items().forEach(cluster -> seen.add(cluster.clusterId() + "=" + cluster.pairCount()));
            cursor = page.next();
        } while (cursor.isPresent());
        assertThat(seen).containsExactly("SYUNIK:am-d14=1", "SYUNIK:am-d13=1", "SYUNIK:am-d12=1", "SYUNIK:am-1=9");

        ContradictionFilter statementFilter = ContradictionFilter.ofStatement("az-2");
        ClusterPage withAz2 = queries.clusters(statementFilter, PageRequest.first(50));
        assertThat(withAz2.items()).extracting(IncidentCluster::clusterId).containsExactly("SYUNIK:am-1");
        assertThat(withAz2.items().get(0).pairCount()).isEqualTo(9);
        assertThat(withAz2.items().get(0).matchingPairs()).isEqualTo(3);

        ContradictionPage pairs = queries.clusterPairs("SYUNIK:am-1", ContradictionFilter.all(), PageRequest.first(50)).orElseThrow();
        assertThat(pairs.items()).hasSize(9).extracting(ClaimContradiction::getPairId).startsWith("am-3|az-3", "am-3|az-2").endsWith("am-1|az-3");
        assertThat(queries.clusterPairs("SYUNIK:am-1", ContradictionFilter.all(), PageRequest.first(4)).orElseThrow().next()).isPresent();
        assertThat(queries.cluster("SYUNIK:am-2")).isEmpty();
        assertThat(queries.cluster("NOWHERE:am-1")).isEmpty();
        assertThat(queries.cluster("SYUNIK:am-d13").orElseThrow().pairsByKind()).containsOnlyKeys("ACCUSATION_DENIED");
    }
}
