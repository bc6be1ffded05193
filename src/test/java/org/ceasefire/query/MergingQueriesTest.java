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
        return QueryFixtures.twoInstances(one, two);
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
    @DisplayName("sums one common window for every sector from the DAY tallies of all instances, ending on the latest incident day")
    void commonWindow() {
        InMemoryStores one = new InMemoryStores();
        InMemoryStores two = new InMemoryStores();
        // Each sector's own rolling window ends on its own latest incident: Tavush's in 2022.
        one.tallies.add(QueryFixtures.tally("SYUNIK", org.ceasefire.avro.PeriodKind.ROLLING_7D, LocalDate.parse("2023-04-06"),
                LocalDate.parse("2023-04-12"), Map.of("AM", 9L)));
        two.tallies.add(QueryFixtures.tally("TAVUSH-GAZAKH", org.ceasefire.avro.PeriodKind.ROLLING_7D, LocalDate.parse("2022-05-26"),
                LocalDate.parse("2022-06-01"), Map.of("AM", 1L)));
        one.tallies.add(QueryFixtures.day("SYUNIK", "2023-04-12", Map.of("AM", 1L)));
        two.tallies.add(QueryFixtures.day("SYUNIK", "2023-04-11", Map.of("AM", 2L, "AZ", 3L)));
        two.tallies.add(QueryFixtures.day("SYUNIK", "2023-04-01", Map.of("AZ", 5L)));
        two.tallies.add(QueryFixtures.day("TAVUSH-GAZAKH", "2022-06-01", Map.of("AM", 1L)));
        MergingQueries queries = new MergingQueries(twoInstances(0, one, two), CONFLICT);

        SectorOverview syunik = sector(queries.sectors(Optional.empty()), "SYUNIK");
        SectorOverview tavush = sector(queries.sectors(Optional.empty()), "TAVUSH-GAZAKH");
        assertThat(syunik.rolling7d().getPeriodEnd()).isEqualTo(LocalDate.parse("2023-04-12"));
        assertThat(tavush.rolling7d().getPeriodEnd()).isEqualTo(LocalDate.parse("2023-04-12"));
        assertThat(tavush.rolling7d().getPeriodStart()).isEqualTo(LocalDate.parse("2023-04-06"));
        assertThat(syunik.rolling7d().getAccusations()).containsOnly(Map.entry("AM", 3L), Map.entry("AZ", 3L));
        assertThat(syunik.rolling30d().getAccusations()).containsOnly(Map.entry("AM", 3L), Map.entry("AZ", 8L));
        assertThat(syunik.rolling30d().getPeriodStart()).isEqualTo(LocalDate.parse("2023-03-14"));
        assertThat(tavush.rolling7d().getAccusations()).isEmpty();

        SectorOverview tavushThen = sector(queries.sectors(Optional.of(LocalDate.parse("2022-06-03"))), "TAVUSH-GAZAKH");
        assertThat(tavushThen.rolling7d().getPeriodStart()).isEqualTo(LocalDate.parse("2022-05-28"));
        assertThat(tavushThen.rolling7d().getAccusations()).containsOnly(Map.entry("AM", 1L));
        assertThat(queries.dailyTallies("SYUNIK", LocalDate.MIN, LocalDate.MAX)).extracting(t -> t.getPeriodStart().toString())
                .containsExactly("2023-04-01", "2023-04-11", "2023-04-12");
    }

    private static SectorOverview sector(List<SectorOverview> sectors, String id) {
        return sectors.stream().filter(s -> s.sector().equals(id)).findFirst().orElseThrow();
    }
}
