package org.ceasefire.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.Place;
import org.ceasefire.avro.PeriodKind;
import org.ceasefire.avro.SectorTally;

/**
 * A test double of one instance's state stores, holding real Avro records, for testing the HTTP
 * layer and the merging without a topology. Tests of the real stores use {@link StoreQueries}.
 */
final class InMemoryStores implements LocalQueries {
    final List<SectorTally> tallies = new ArrayList<>();
    final List<ClaimContradiction> contradictions = new ArrayList<>();
    final List<MinistryStatement> statements = new ArrayList<>();
    final List<UnresolvedPlace> unresolved = new ArrayList<>();
    final List<Place> places = new ArrayList<>();
    final List<PlaceActivity> placeActivity = new ArrayList<>();

    @Override
    public List<SectorTally> currentTallies() {
        return tallies.stream().filter(t -> t.getPeriodKind() != PeriodKind.DAY).toList();
    }

    @Override
    public List<SectorTally> dayTallies(Optional<String> sector, LocalDate from, LocalDate to) {
        return tallies.stream()
                .filter(t -> t.getPeriodKind() == PeriodKind.DAY)
                .filter(t -> sector.map(s -> s.equals(t.getSector())).orElse(true))
                .filter(t -> !t.getPeriodStart().isBefore(from) && !t.getPeriodStart().isAfter(to))
                .toList();
    }

    @Override
    public ContradictionPage contradictions(ContradictionFilter filter, PageRequest page) {
        return ContradictionPager.page(contradictions.stream(), filter, page);
    }

    @Override
    public List<ClaimContradiction> pairs(Optional<String> sector) {
        return contradictions.stream().filter(c -> sector.map(c.getSector()::equals).orElse(true)).toList();
    }

    @Override
    public Optional<ClaimContradiction> contradiction(String pairId) {
        return contradictions.stream().filter(c -> c.getPairId().equals(pairId)).findFirst();
    }

    @Override
    public List<MinistryStatement> statementRevisions(String statementId) {
        return statements.stream().filter(s -> s.getStatementId().equals(statementId)).toList();
    }

    @Override
    public List<UnresolvedPlace> unresolvedPlaces() {
        return List.copyOf(unresolved);
    }

    @Override
    public List<Place> places() {
        return places;
    }

    @Override
    public List<PlaceActivity> placeActivity() {
        return placeActivity;
    }
}
