package org.ceasefire.query;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.SectorTally;
import org.ceasefire.conflict.ConflictDefinition;

/**
 * The queries over a running topology: keys are answered by the instance that owns them, lists
 * by every instance, merged. {@code self} is this instance's {@code application.server}; empty
 * for a single instance.
 */
public final class StreamsQueries implements CeasefireQueries {
    private final MergingQueries merging;
    private final StoreQueries local;

    public StreamsQueries(KafkaStreams streams, ConflictDefinition conflict, Optional<HostInfo> self) {
        this.merging = new MergingQueries(new StreamsInstanceDirectory(streams, self), conflict);
        this.local = new StoreQueries(streams);
    }

    /** This instance's own stores, for the {@code /internal} endpoints the other instances call. */
    public LocalQueries local() {
        return local;
    }

    @Override
    public List<SectorOverview> sectors(Optional<LocalDate> windowEnd) {
        return merging.sectors(windowEnd);
    }

    @Override
    public List<SectorTally> dailyTallies(String sector, LocalDate from, LocalDate to) {
        return merging.dailyTallies(sector, from, to);
    }

    @Override
    public ContradictionPage contradictions(ContradictionFilter filter, PageRequest page) {
        return merging.contradictions(filter, page);
    }

    @Override
    public ClusterPage clusters(ContradictionFilter filter, PageRequest page) {
        return merging.clusters(filter, page);
    }

    @Override
    public Optional<IncidentCluster> cluster(String clusterId) {
        return merging.cluster(clusterId);
    }

    @Override
    public Optional<ContradictionPage> clusterPairs(String clusterId, ContradictionFilter filter, PageRequest page) {
        return merging.clusterPairs(clusterId, filter, page);
    }

    @Override
    public Optional<ClaimContradiction> contradiction(String pairId) {
        return merging.contradiction(pairId);
    }

    @Override
    public Optional<StatementHistory> statement(String statementId) {
        return merging.statement(statementId);
    }

    @Override
    public List<UnresolvedPlace> unresolvedPlaces() {
        return merging.unresolvedPlaces();
    }

    @Override
    public List<DiscrepancyWeek> discrepancies(Optional<String> sector, LocalDate from, LocalDate to) {
        return merging.discrepancies(sector, from, to);
    }

    @Override
    public List<ActivityPeriod> activity(Optional<String> sector, DateRange range, PeriodUnit unit) {
        return merging.activity(sector, range, unit);
    }

    @Override
    public List<CasualtyComparison> casualties(Optional<String> sector, DateRange range, PeriodUnit unit,
                                               boolean bySector) {
        return merging.casualties(sector, range, unit, bySector);
    }

    @Override
    public List<PlaceOverview> places() {
        return merging.places();
    }
}
