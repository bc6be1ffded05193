package org.ceasefire.query;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.SectorTally;

/**
 * The questions the query API answers. Implementations read the Streams state stores
 * ({@link StreamsQueries}); the HTTP layer depends on this interface only, so it can be tested
 * and reasoned about without a running topology.
 */
public interface CeasefireQueries {

    /**
     * Every sector of the conflict definition, then any other sector that has tallies (UNRESOLVED,
     * WHOLE_FRONT), each with its all-time tallies and the sums of its DAY tallies over one 7-day and
     * one 30-day window common to all sectors, ending on {@code windowEnd} or, when empty, on the
     * latest incident day of the whole conflict (no windows when nothing was tallied yet).
     */
    List<SectorOverview> sectors(Optional<LocalDate> windowEnd);

    /** One sector's DAY tallies whose day lies in {@code [from, to]}, oldest first; empty when none. */
    List<SectorTally> dailyTallies(String sector, LocalDate from, LocalDate to);

    /** Contradictions matching the filter, newest incident first, one page at a time. */
    ContradictionPage contradictions(ContradictionFilter filter, PageRequest page);

    /**
     * Incident clusters ({@link IncidentClusters}) with at least one pair matching the filter, newest
     * first incident first, one page at a time; each cluster whole, whatever the filter.
     */
    ClusterPage clusters(ContradictionFilter filter, PageRequest page);

    /** One incident cluster by its id. */
    Optional<IncidentCluster> cluster(String clusterId);

    /** The pairs of one incident cluster that match the filter, newest first, one page; empty when there is no such cluster. */
    Optional<ContradictionPage> clusterPairs(String clusterId, ContradictionFilter filter, PageRequest page);

    /** One contradiction by its pair id. */
    Optional<ClaimContradiction> contradiction(String pairId);

    /** One statement with every revision seen and the pairs it currently forms. */
    Optional<StatementHistory> statement(String statementId);

    /** Place names that the gazetteer could not resolve, most frequent first. */
    List<UnresolvedPlace> unresolvedPlaces();

    /**
     * Accusations each side made per sector per ISO week over {@code [from, to]}; every sector when
     * {@code sector} is empty.
     */
    List<DiscrepancyWeek> discrepancies(Optional<String> sector, LocalDate from, LocalDate to);

    /** What each side said per period over the range, of one sector or of all sectors together, oldest first. */
    List<ActivityPeriod> activity(Optional<String> sector, DateRange range, PeriodUnit unit);

    /**
     * Casualty claims side by side per period over the range, oldest first; per sector when
     * {@code bySector}, else of all sectors (or the one asked for) together.
     */
    List<CasualtyComparison> casualties(Optional<String> sector, DateRange range, PeriodUnit unit, boolean bySector);

    /** Every place of the gazetteer with its current sector, coordinates where known, and accusations and contradictions there. */
    List<PlaceOverview> places();
}
