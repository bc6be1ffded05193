package org.ceasefire.audit;

import java.util.List;
import java.util.SortedMap;

import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.SectorTally;

/**
 * What a run of the topology concluded: the final tally per key and the standing contradictions per
 * pair id (withdrawn pairs are absent), plus the statements it rejected, flagged late or could not place.
 * The two tables live on disk until this is closed.
 */
public record AuditResults(
        ResultTable<SectorTally> tallies,
        ResultTable<ClaimContradiction> contradictions,
        List<RejectedRecord> rejected,
        List<String> late,
        SortedMap<String, Long> unresolvedPlaces) implements AutoCloseable {

    @Override
    public void close() {
        tallies.close();
        contradictions.close();
    }
}
