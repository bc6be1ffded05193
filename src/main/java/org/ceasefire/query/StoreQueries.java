package org.ceasefire.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.ClaimType;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.PeriodKind;
import org.ceasefire.avro.Place;
import org.ceasefire.avro.SectorTally;
import org.ceasefire.avro.internal.PairAssertions;
import org.ceasefire.avro.internal.ResolvedStatement;
import org.ceasefire.avro.internal.StatementHistory;
import org.ceasefire.avro.internal.UnresolvedName;
import org.ceasefire.topology.CeasefireTopology;
import org.ceasefire.topology.SectorKeys;

/**
 * This instance's own state stores, read through Kafka Streams interactive queries (active
 * tasks only, so no stale standby answers). A store being rebalanced answers 503 via
 * {@link InstanceUnavailableException}: the client retries, it is not a client error.
 */
public final class StoreQueries implements LocalQueries {
    private final KafkaStreams streams;

    public StoreQueries(KafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    public List<SectorTally> currentTallies() {
        List<SectorTally> tallies = new ArrayList<>();
        ReadOnlyKeyValueStore<String, SectorTally> store = store(CeasefireTopology.CURRENT_TALLIES_STORE);
        scan(store.all(), entry -> tallies.add(entry.value));
        return tallies;
    }

    @Override
    public List<SectorTally> dayTallies(Optional<String> sector, LocalDate from, LocalDate to) {
        ReadOnlyKeyValueStore<String, SectorTally> store = store(CeasefireTopology.DAY_TALLIES_STORE);
        List<SectorTally> days = new ArrayList<>();
        if (sector.isPresent()) {
            // Keys are sector|DAY|yyyy-mm-dd: ISO dates sort as strings, so one range scan finds the days.
            String prefix = SectorKeys.dayPrefix(sector.get());
            scan(store.range(prefix + from, prefix + to), entry -> days.add(entry.value));
        } else {
            scan(store.all(), entry -> {
                SectorTally day = entry.value;
                if (day.getPeriodKind() == PeriodKind.DAY && !day.getPeriodStart().isBefore(from) && !day.getPeriodStart().isAfter(to)) {
                    days.add(day);
                }
            });
        }
        return days;
    }

    @Override
    public ContradictionPage contradictions(ContradictionFilter filter, PageRequest page) {
        List<ClaimContradiction> pairs = new ArrayList<>();
        ReadOnlyKeyValueStore<String, PairAssertions> store = store(CeasefireTopology.PAIR_ASSERTIONS_STORE);
        scan(store.all(), entry -> published(entry.value).ifPresent(pairs::add));
        return ContradictionPager.page(pairs.stream(), filter, page);
    }

    @Override
    public Optional<ClaimContradiction> contradiction(String pairId) {
        ReadOnlyKeyValueStore<String, PairAssertions> store = store(CeasefireTopology.PAIR_ASSERTIONS_STORE);
        return Optional.ofNullable(store.get(pairId)).flatMap(StoreQueries::published);
    }

    /** The version the topology publishes on the contradictions topic: the first sector's, by sector id. */
    private static Optional<ClaimContradiction> published(PairAssertions assertions) {
        if (assertions == null || assertions.getBySector().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TreeMap<>(assertions.getBySector()).firstEntry().getValue());
    }

    @Override
    public List<MinistryStatement> statementRevisions(String statementId) {
        ReadOnlyKeyValueStore<String, StatementHistory> store = store(CeasefireTopology.STATEMENT_HISTORY_STORE);
        StatementHistory history = store.get(statementId);
        if (history == null) {
            return List.of();
        }
        return history.getRevisions().stream().map(ResolvedStatement::getStatement).toList();
    }

    @Override
    public List<UnresolvedPlace> unresolvedPlaces() {
        List<UnresolvedPlace> places = new ArrayList<>();
        ReadOnlyKeyValueStore<String, UnresolvedName> store = store(CeasefireTopology.UNRESOLVED_NAMES_STORE);
        scan(store.all(), entry -> {
            if (entry.value.getStatements() > 0) {
                places.add(new UnresolvedPlace(entry.value.getRawName(), entry.value.getStatements()));
            }
        });
        return places;
    }

    @Override
    public List<Place> places() {
        // The store also indexes each place under its names: keep one entry per place id.
        Map<String, Place> byId = new TreeMap<>();
        ReadOnlyKeyValueStore<String, Place> store = store(CeasefireTopology.GAZETTEER_STORE);
        scan(store.all(), entry -> byId.putIfAbsent(entry.value.getPlaceId(), entry.value));
        return List.copyOf(byId.values());
    }

    @Override
    public List<PlaceActivity> placeActivity() {
        Map<String, Map<String, Long>> accusations = new TreeMap<>();
        Map<String, Long> pairs = new TreeMap<>();
        ReadOnlyKeyValueStore<String, StatementHistory> statements = store(CeasefireTopology.STATEMENT_HISTORY_STORE);
        scan(statements.all(), entry -> entry.value.getRevisions().stream()
                .max(Comparator.comparingInt(revision -> revision.getStatement().getRevision()))
                .filter(current -> current.getPlaceId() != null && !current.getStatement().getRetracted()
                        && current.getStatement().getClaim() == ClaimType.ACCUSATION)
                .ifPresent(current -> accusations.computeIfAbsent(current.getPlaceId(), id -> new TreeMap<>())
                        .merge(current.getStatement().getIssuer(), 1L, Long::sum)));
        ReadOnlyKeyValueStore<String, PairAssertions> assertions = store(CeasefireTopology.PAIR_ASSERTIONS_STORE);
        scan(assertions.all(), entry -> published(entry.value).ifPresent(pair -> {
            Set<String> places = new TreeSet<>();
            Optional.ofNullable(pair.getSideOne().getPlaceId()).ifPresent(places::add);
            Optional.ofNullable(pair.getSideTwo().getPlaceId()).ifPresent(places::add);
            places.forEach(place -> pairs.merge(place, 1L, Long::sum));
        }));
        Set<String> placeIds = new TreeSet<>(accusations.keySet());
        placeIds.addAll(pairs.keySet());
        return placeIds.stream()
                .map(id -> new PlaceActivity(id, accusations.getOrDefault(id, Map.of()), pairs.getOrDefault(id, 0L)))
                .toList();
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw new InstanceUnavailableException("Store " + name + " is not queryable now: " + e.getMessage(), e);
        }
    }

    private static <V> void scan(KeyValueIterator<String, V> iterator, Consumer<KeyValue<String, V>> action) {
        try (iterator) {
            iterator.forEachRemaining(action);
        } catch (InvalidStateStoreException e) {
            throw new InstanceUnavailableException("A store was closed while being read: " + e.getMessage(), e);
        }
    }

    /** Stores that must be queryable for this instance to be ready. */
    static final List<String> QUERIED_STORES = List.of(CeasefireTopology.CURRENT_TALLIES_STORE, CeasefireTopology.DAY_TALLIES_STORE,
            CeasefireTopology.PAIR_ASSERTIONS_STORE, CeasefireTopology.STATEMENT_HISTORY_STORE, CeasefireTopology.UNRESOLVED_NAMES_STORE);
}
