package org.ceasefire.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.StatementRef;
import org.ceasefire.conflict.ConflictDefinition;

/**
 * One incident cluster as the API shows it: its id, sector, first and last incident start, each
 * side's statements, how many pairs it holds by kind, how many of them match the request's filter,
 * and where to read its pairs.
 */
public record IncidentCluster(@JsonProperty("cluster_id") String clusterId,
                              @JsonProperty("sector") String sector,
                              @JsonProperty("sector_name") String sectorName,
                              @JsonProperty("first_incident") Instant firstIncident,
                              @JsonProperty("last_incident") Instant lastIncident,
                              @JsonProperty("side_one") Side sideOne,
                              @JsonProperty("side_two") Side sideTwo,
                              @JsonProperty("pair_count") int pairCount,
                              @JsonProperty("pairs_by_kind") Map<String, Long> pairsByKind,
                              @JsonProperty("corroborated_pairs") long corroboratedPairs,
                              @JsonProperty("matching_pairs") long matchingPairs,
                              @JsonProperty("pairs") String pairs) {

    /** One side's statements: their ids (for CSV), and each with its issuer, claim and incident. */
    public record Side(@JsonProperty("side") String side,
                       @JsonProperty("statement_ids") List<String> statementIds,
                       @JsonProperty("statements") List<Statement> statements) {
    }

    public record Statement(@JsonProperty("statement_id") String statementId,
                            @JsonProperty("revision") int revision,
                            @JsonProperty("issuer") String issuer,
                            @JsonProperty("claim") String claim,
                            @JsonProperty("accused") String accused,
                            @JsonProperty("incident_start") Instant incidentStart,
                            @JsonProperty("location") String location) {
    }

    static IncidentCluster of(IncidentClusters.Cluster cluster, ContradictionFilter filter, ConflictDefinition conflict) {
        Map<String, Long> byKind = new TreeMap<>();
        long corroborated = 0;
        long matching = 0;
        for (ClaimContradiction pair : cluster.pairs()) {
            byKind.merge(pair.getKind().name(), 1L, Long::sum);
            corroborated += pair.getCorroborated() ? 1 : 0;
            matching += filter.matches(pair) ? 1 : 0;
        }
        return new IncidentCluster(cluster.id(), cluster.sector(), SectorNames.of(conflict, cluster.sector()), cluster.firstIncident(),
                cluster.lastIncident(), side(conflict.sideOne().id(), cluster.sideOne()), side(conflict.sideTwo().id(), cluster.sideTwo()),
                cluster.pairs().size(), byKind, corroborated, matching, "/api/clusters/" + cluster.id() + "/pairs");
    }

    private static Side side(String sideId, List<StatementRef> refs) {
        return new Side(sideId, refs.stream().map(StatementRef::getStatementId).toList(), refs.stream()
                .map(ref -> new Statement(ref.getStatementId(), ref.getRevision(), ref.getIssuer(), ref.getClaim().name(), ref.getAccused(),
                        ref.getIncidentStart(), ref.getLocation()))
                .toList());
    }
}
