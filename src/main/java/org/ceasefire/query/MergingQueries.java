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
import org.ceasefire.avro.SectorTally;
import org.ceasefire.conflict.ConflictDefinition;
import org.ceasefire.conflict.Sector;

/**
 * Answers every query by asking the instance that owns a key, or every instance for lists, and
 * merging their answers in a fixed order so that whichever instance is asked answers the same.
 */
public final class MergingQueries implements CeasefireQueries {
    private static final Comparator<SectorTally> BY_SECTOR_THEN_DAY = Comparator
            .comparing(SectorTally::getSector)
            .thenComparing(SectorTally::getPeriodStart, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final InstanceDirectory instances;
    private final ConflictDefinition conflict;
    private final DiscrepancySeries discrepancySeries;

    public MergingQueries(InstanceDirectory instances, ConflictDefinition conflict) {
        this.instances = instances;
        this.conflict = conflict;
        this.discrepancySeries = new DiscrepancySeries(conflict);
    }

    @Override
    public List<SectorOverview> sectors() {
        // Latest period_end per sector and kind: a store may keep earlier rolling windows too.
        Map<String, Map<PeriodKind, SectorTally>> current = new TreeMap<>();
        for (SectorTally tally : collect(LocalQueries::currentTallies)) {
            current.computeIfAbsent(tally.getSector(), s -> new EnumMap<>(PeriodKind.class))
                    .merge(tally.getPeriodKind(), tally, MergingQueries::later);
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (Sector sector : conflict.sectors()) {
            names.put(sector.id(), sector.name());
        }
        current.keySet().forEach(id -> names.putIfAbsent(id, id));
        List<SectorOverview> overview = new ArrayList<>();
        names.forEach((id, name) -> {
            Map<PeriodKind, SectorTally> byKind = current.getOrDefault(id, Map.of());
            overview.add(new SectorOverview(id, name, byKind.get(PeriodKind.ROLLING_7D), byKind.get(PeriodKind.ROLLING_30D),
                    byKind.get(PeriodKind.ALL_TIME)));
        });
        return overview;
    }

    private static SectorTally later(SectorTally a, SectorTally b) {
        if (a.getPeriodEnd() == null || b.getPeriodEnd() == null) {
            return b;
        }
        return b.getPeriodEnd().isAfter(a.getPeriodEnd()) ? b : a;
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
        counts.forEach((name, count) -> places.add(new UnresolvedPlace(name, count)));
        places.sort(Comparator.comparingLong(UnresolvedPlace::count).reversed().thenComparing(UnresolvedPlace::name));
        return places;
    }

    @Override
    public List<DiscrepancyWeek> discrepancies(Optional<String> sector, LocalDate from, LocalDate to) {
        return discrepancySeries.weekly(collect(instance -> instance.dayTallies(sector, from, to)));
    }

    private <T> List<T> collect(Function<LocalQueries, List<T>> question) {
        List<T> all = new ArrayList<>();
        for (LocalQueries instance : instances.everyInstance()) {
            all.addAll(question.apply(instance));
        }
        return all;
    }
}
