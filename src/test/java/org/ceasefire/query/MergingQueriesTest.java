package org.ceasefire.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.ContradictionKind;
import org.ceasefire.conflict.ConflictDefinition;
import org.ceasefire.conflict.GazetteerFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Merging answers of several instances")
class MergingQueriesTest {
    private static final ConflictDefinition CONFLICT = GazetteerFile.builtIn().conflict();

    /** Pairs spread round-robin over two instances, as partitions would spread them. */
    private static InstanceDirectory twoInstances(int pairs, InMemoryStores one, InMemoryStores two) {
        for (int i = 0; i < pairs; i++) {
            ClaimContradiction pair = QueryFixtures.pair(String.format("p-%02d", i), ContradictionKind.MUTUAL_ACCUSATION, "SYUNIK",
                    String.format("2023-04-%02dT10:00:00Z", 1 + i / 2), "am-" + i, "az-" + i);
            (i % 2 == 0 ? one : two).contradictions.add(pair);
        }
        return new InstanceDirectory() {
            @Override
            public List<LocalQueries> everyInstance() {
                return List.of(one, two);
            }

            @Override
            public LocalQueries ownerOfPair(String pairId) {
                return one.contradiction(pairId).isPresent() ? one : two;
            }

            @Override
            public LocalQueries ownerOfStatement(String statementId) {
                return one;
            }
        };
    }

    @Test
    @DisplayName("pages over pairs held by two instances in one newest-first order, none repeated or skipped")
    void pagesAcrossInstances() {
        MergingQueries queries = new MergingQueries(twoInstances(9, new InMemoryStores(), new InMemoryStores()), CONFLICT);
        List<String> seen = new ArrayList<>();
        Optional<PageCursor> cursor = Optional.empty();
        int pages = 0;
        do {
            ContradictionPage page = queries.contradictions(ContradictionFilter.all(), new PageRequest(2, cursor));
            page.items().forEach(c -> seen.add(c.getPairId()));
            cursor = page.next();
            pages++;
        } while (cursor.isPresent());
        assertThat(pages).isEqualTo(5);
        // Same incident day for p-2k and p-2k+1: the pair id breaks the tie.
        assertThat(seen).containsExactly("p-08", "p-06", "p-07", "p-04", "p-05", "p-02", "p-03", "p-00", "p-01");
    }

    @Test
    @DisplayName("finds a pair on the instance that owns it and sums unresolved names over instances")
    void keysAndSums() {
        InMemoryStores one = new InMemoryStores();
        InMemoryStores two = new InMemoryStores();
        MergingQueries queries = new MergingQueries(twoInstances(4, one, two), CONFLICT);
        one.unresolved.add(new UnresolvedPlace("Atlantis", 2));
        two.unresolved.add(new UnresolvedPlace("Atlantis", 3));
        two.unresolved.add(new UnresolvedPlace("Avalon", 4));
        assertThat(queries.contradiction("p-03")).map(ClaimContradiction::getSector).contains("SYUNIK");
        assertThat(queries.contradiction("p-99")).isEmpty();
        assertThat(queries.unresolvedPlaces()).containsExactly(new UnresolvedPlace("Atlantis", 5), new UnresolvedPlace("Avalon", 4));
    }

    @Test
    @DisplayName("keeps the latest rolling window when a store holds several, and orders days across instances")
    void latestRollingWindow() {
        InMemoryStores one = new InMemoryStores();
        InMemoryStores two = new InMemoryStores();
        LocalDate end = LocalDate.parse("2023-04-12");
        one.tallies.add(QueryFixtures.tally("SYUNIK", org.ceasefire.avro.PeriodKind.ROLLING_7D, end.minusDays(7), end.minusDays(1), Map.of("AM", 1L)));
        two.tallies.add(QueryFixtures.tally("SYUNIK", org.ceasefire.avro.PeriodKind.ROLLING_7D, end.minusDays(6), end, Map.of("AM", 9L)));
        one.tallies.add(QueryFixtures.day("SYUNIK", "2023-04-12", Map.of("AM", 1L)));
        two.tallies.add(QueryFixtures.day("SYUNIK", "2023-04-11", Map.of("AM", 1L)));
        MergingQueries queries = new MergingQueries(twoInstances(0, one, two), CONFLICT);
        SectorOverview syunik = queries.sectors().stream().filter(s -> s.sector().equals("SYUNIK")).findFirst().orElseThrow();
        assertThat(syunik.rolling7d().getAccusations()).containsEntry("AM", 9L);
        assertThat(queries.dailyTallies("SYUNIK", LocalDate.MIN, LocalDate.MAX)).extracting(t -> t.getPeriodStart().toString())
                .containsExactly("2023-04-11", "2023-04-12");
    }
}
