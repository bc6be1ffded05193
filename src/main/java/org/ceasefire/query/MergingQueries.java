package org.ceasefire.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.PeriodKind;
import org.ceasefire.avro.Place;
import org.ceasefire.avro.SectorTally;
import org.ceasefire.conflict.ConflictDefinition;
import org.ceasefire.conflict.Sector;

/**
 * Answers every query by asking the instance that owns a key, or every instance for lists, and
 * merging their answers in a fixed order so that whichever instance is asked answers the same.
 */
public final class MergingQueries implements CeasefireQueries {
    /** The common windows' lengths in days, the end day included. */
    static final int COMMON_WINDOW_7D = 7;
    static final int COMMON_WINDOW_30D = 30;
    private static final Comparator<SectorTally> BY_SECTOR_THEN_DAY = Comparator
            .comparing(SectorTally::getSector)
            .thenComparing(SectorTally::getPeriodStart, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final InstanceDirectory instances;
    private final ConflictDefinition conflict;
    private final DiscrepancySeries discrepancySeries;
    private final SideFigures sideFigures;
    private final NameSuggestions nameSuggestions;

    public MergingQueries(InstanceDirectory instances, ConflictDefinition conflict) {
        this.instances = instances;
        this.conflict = conflict;
        this.discrepancySeries = new DiscrepancySeries(conflict);
        this.sideFigures = new SideFigures(conflict);
        this.nameSuggestions = new NameSuggestions(conflict);
    }

    @Override
    public List<SectorOverview> sectors(Optional<LocalDate> windowEnd) {
        Map<String, SectorTally> allTime = new TreeMap<>();
        LocalDate latestIncidentDay = null;
        for (SectorTally tally : collect(LocalQueries::currentTallies)) {
            if (tally.getPeriodKind() == PeriodKind.ALL_TIME) {
                allTime.put(tally.getSector(), tally);
            } else if (tally.getPeriodEnd() != null && (latestIncidentDay == null || tally.getPeriodEnd().isAfter(latestIncidentDay))) {
                // Each sector's rolling window ends on its own latest incident day: the latest of them is the conflict's.
                latestIncidentDay = tally.getPeriodEnd();
            }
        }
        Optional<LocalDate> end = windowEnd.isPresent() ? windowEnd : Optional.ofNullable(latestIncidentDay);
        Map<String, List<SectorTally>> windowDays = new TreeMap<>();
        end.ifPresent(last -> collect(instance -> instance.dayTallies(Optional.empty(), last.minusDays(COMMON_WINDOW_30D - 1), last))
                .forEach(day -> windowDays.computeIfAbsent(day.getSector(), s -> new ArrayList<>()).add(day)));
        Map<String, String> names = new LinkedHashMap<>();
        for (Sector sector : conflict.sectors()) {
            names.put(sector.id(), sector.name());
        }
        allTime.keySet().forEach(id -> names.putIfAbsent(id, SectorNames.of(conflict, id)));
        windowDays.keySet().forEach(id -> names.putIfAbsent(id, SectorNames.of(conflict, id)));
        List<SectorOverview> overview = new ArrayList<>();
        names.forEach((id, name) -> {
            List<SectorTally> days = windowDays.getOrDefault(id, List.of());
            overview.add(new SectorOverview(id, name,
                    end.map(last -> window(id, PeriodKind.ROLLING_7D, last, COMMON_WINDOW_7D, days)).orElse(null),
                    end.map(last -> window(id, PeriodKind.ROLLING_30D, last, COMMON_WINDOW_30D, days)).orElse(null),
                    allTime.get(id)));
        });
        return overview;
    }

    /** The sum of the DAY tallies of the {@code length} days ending on {@code end}. */
    private static SectorTally window(String sector, PeriodKind kind, LocalDate end, int length, List<SectorTally> days) {
        LocalDate start = end.minusDays(length - 1);
        TallyTotals totals = new TallyTotals();
        days.stream().filter(day -> !day.getPeriodStart().isBefore(start) && !day.getPeriodStart().isAfter(end)).forEach(totals::add);
        return totals.toTally(sector, kind, start, end);
    }

    @Override
    public List<SectorTally> dailyTallies(String sector, LocalDate from, LocalDate to) {
        List<SectorTally> days = collect(instance -> instance.dayTallies(Optional.of(sector), from, to));
        days.sort(BY_SECTOR_THEN_DAY);
        return days;
    }

    @Override
    public ContradictionPage contradictions(ContradictionFilter filter, PageRequest page) {
        // Each instance returns its own first page after the cursor; the global page is among their union.
        List<ContradictionPage> pages = collect(instance -> List.of(instance.contradictions(filter, page)));
        ContradictionPage merged = ContradictionPager.page(pages.stream().flatMap(p -> p.items().stream()), filter, page);
        boolean moreSomewhere = pages.stream().anyMatch(p -> p.next().isPresent());
        if (merged.next().isEmpty() && moreSomewhere && !merged.items().isEmpty()) {
            // An instance cut its page at the limit: the union is no longer than the limit, yet more exist.
            return new ContradictionPage(merged.items(), Optional.of(PageCursor.of(merged.items().get(merged.items().size() - 1))));
        }
        return merged;
    }

    @Override
    public ClusterPage clusters(ContradictionFilter filter, PageRequest page) {
        List<IncidentCluster> items = new ArrayList<>();
        for (IncidentClusters.Cluster cluster : IncidentClusters.of(collect(instance -> instance.pairs(filter.sector())))) {
            boolean afterCursor = page.after().map(cursor -> cursor.precedes(cluster.firstIncident().toEpochMilli(), cluster.id())).orElse(true);
            if (!afterCursor || cluster.pairs().stream().noneMatch(filter::matches)) {
                continue;
            }
            if (items.size() == page.limit()) {
                IncidentCluster last = items.get(items.size() - 1);
                return new ClusterPage(items, Optional.of(new PageCursor(last.firstIncident().toEpochMilli(), last.clusterId())));
            }
            items.add(IncidentCluster.of(cluster, filter, conflict));
        }
        return new ClusterPage(items, Optional.empty());
    }

    @Override
    public Optional<IncidentCluster> cluster(String clusterId) {
        return findCluster(clusterId).map(cluster -> IncidentCluster.of(cluster, ContradictionFilter.all(), conflict));
    }

    @Override
    public Optional<ContradictionPage> clusterPairs(String clusterId, ContradictionFilter filter, PageRequest page) {
        return findCluster(clusterId).map(cluster -> ContradictionPager.page(cluster.pairs().stream(), filter, page));
    }

    /** Only the pairs of the cluster's own sector are read, from every instance, since a cluster's pairs may be on any of them. */
    private Optional<IncidentClusters.Cluster> findCluster(String clusterId) {
        String sector = IncidentClusters.sectorOf(clusterId);
        if (!conflict.hasSector(sector) && !ConflictDefinition.UNRESOLVED_SECTOR.equals(sector)
                && !ConflictDefinition.WHOLE_FRONT_SECTOR.equals(sector)) {
            return Optional.empty();
        }
        return IncidentClusters.of(collect(instance -> instance.pairs(Optional.of(sector)))).stream()
                .filter(cluster -> cluster.id().equals(clusterId))
                .findFirst();
    }

    @Override
    public Optional<ClaimContradiction> contradiction(String pairId) {
        return instances.ownerOfPair(pairId).contradiction(pairId);
    }

    @Override
    public Optional<StatementHistory> statement(String statementId) {
        LocalQueries owner = instances.ownerOfStatement(statementId);
        List<MinistryStatement> revisions = new ArrayList<>(owner.statementRevisions(statementId));
        if (revisions.isEmpty()) {
            // The owner is computed with Java's partitioner; a producer in another language (librdkafka
            // partitions by CRC32) may have put the statement elsewhere, so ask the others too.
            revisions.addAll(collect(instance -> instance == owner ? List.of() : instance.statementRevisions(statementId)));
        }
        if (revisions.isEmpty()) {
            return Optional.empty();
        }
        revisions.sort(Comparator.comparingInt(MinistryStatement::getRevision));
        ContradictionFilter inPair = ContradictionFilter.ofStatement(statementId);
        List<ClaimContradiction> pairs = contradictions(inPair, PageRequest.first(PageRequest.MAX_LIMIT)).items();
        return Optional.of(new StatementHistory(statementId, revisions, pairs));
    }

    @Override
    public List<UnresolvedPlace> unresolvedPlaces() {
        Map<String, Long> counts = new TreeMap<>();
        for (UnresolvedPlace place : collect(LocalQueries::unresolvedPlaces)) {
            counts.merge(place.name(), place.count(), Long::sum);
        }
        List<UnresolvedPlace> places = new ArrayList<>();
        if (!counts.isEmpty()) {
            // The gazetteer is a global store: every instance holds all of it, so one of them is asked.
            List<Place> gazetteer = instances.everyInstance().get(0).places();
            counts.forEach((name, count) -> places.add(new UnresolvedPlace(name, count, nameSuggestions.closest(name, gazetteer))));
        }
        places.sort(Comparator.comparingLong(UnresolvedPlace::count).reversed().thenComparing(UnresolvedPlace::name));
        return places;
    }

    @Override
    public List<DiscrepancyWeek> discrepancies(Optional<String> sector, LocalDate from, LocalDate to) {
        return discrepancySeries.weekly(collect(instance -> instance.dayTallies(sector, from, to)));
    }

    @Override
    public List<ActivityPeriod> activity(Optional<String> sector, DateRange range, PeriodUnit unit) {
        List<SectorTally> days = collect(instance -> instance.dayTallies(sector, range.from(), range.to()));
        return PeriodTotals.of(days, unit, range, false).stream().map(sideFigures::activity).toList();
    }

    @Override
    public List<CasualtyComparison> casualties(Optional<String> sector, DateRange range, PeriodUnit unit,
                                               boolean bySector) {
        List<SectorTally> days = collect(instance -> instance.dayTallies(sector, range.from(), range.to()));
        return PeriodTotals.of(days, unit, range, bySector).stream().map(sideFigures::casualties).toList();
    }

    @Override
    public List<PlaceOverview> places() {
        Map<String, Place> places = new TreeMap<>();
        collect(LocalQueries::places).forEach(place -> places.putIfAbsent(place.getPlaceId(), place));
        Map<String, Map<String, Long>> accusations = new TreeMap<>();
        Map<String, Long> pairs = new TreeMap<>();
        for (PlaceActivity activity : collect(LocalQueries::placeActivity)) {
            activity.accusations().forEach((issuer, count) ->
                    accusations.computeIfAbsent(activity.placeId(), id -> new TreeMap<>()).merge(issuer, count, Long::sum));
            pairs.merge(activity.placeId(), activity.contradictions(), Long::sum);
        }
        return places.values().stream().map(place -> {
            String sector = PlaceSectors.current(place);
            return new PlaceOverview(place.getPlaceId(), PlaceSectors.displayName(place), sector,
                    sector == null ? null : SectorNames.of(conflict, sector), place.getLatitude(), place.getLongitude(), place.getPrecision(),
                    sideFigures.bySide(accusations.getOrDefault(place.getPlaceId(), Map.of())), pairs.getOrDefault(place.getPlaceId(), 0L));
        }).toList();
    }

    private <T> List<T> collect(Function<LocalQueries, List<T>> question) {
        List<T> all = new ArrayList<>();
        for (LocalQueries instance : instances.everyInstance()) {
            all.addAll(question.apply(instance));
        }
        return all;
    }
}
