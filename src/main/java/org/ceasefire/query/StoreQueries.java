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
import java.util.function.Function;

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
 * tasks only, so no stale standby answers). A store that is starting, restoring or being rebalanced
 * answers 503 via {@link InstanceUnavailableException}: the client retries, it is not a client error.
 */
public final class StoreQueries implements LocalQueries {
    private final KafkaStreams streams;

    public StoreQueries(KafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    public List<SectorTally> currentTallies() {
        return this.<SectorTally, List<SectorTally>>read(CeasefireTopology.CURRENT_TALLIES_STORE, store -> {
            List<SectorTally> tallies = new ArrayList<>();
            scan(store.all(), entry -> tallies.add(entry.value));
            return tallies;
        });
    }

    @Override
    public List<SectorTally> dayTallies(Optional<String> sector, LocalDate from, LocalDate to) {
        return this.<SectorTally, List<SectorTally>>read(CeasefireTopology.DAY_TALLIES_STORE, store -> {
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
        });
    }

    @Override
    public ContradictionPage contradictions(ContradictionFilter filter, PageRequest page) {
        List<ClaimContradiction> pairs = this.<PairAssertions, List<ClaimContradiction>>read(CeasefireTopology.PAIR_ASSERTIONS_STORE, store -> {
            List<ClaimContradiction> found = new ArrayList<>();
            scan(store.all(), entry -> published(entry.value).ifPresent(found::add));
            return found;
        });
        return ContradictionPager.page(pairs.stream(), filter, page);
    }

    @Override
    public List<ClaimContradiction> pairs(Optional<String> sector) {
        return this.<PairAssertions, List<ClaimContradiction>>read(CeasefireTopology.PAIR_ASSERTIONS_STORE, store -> {
            List<ClaimContradiction> found = new ArrayList<>();
            scan(store.all(), entry -> published(entry.value)
                    .filter(pair -> sector.map(pair.getSector()::equals).orElse(true))
                    .ifPresent(found::add));
            return found;
        });
    }

    @Override
    public Optional<ClaimContradiction> contradiction(String pairId) {
        return this.<PairAssertions, Optional<ClaimContradiction>>read(CeasefireTopology.PAIR_ASSERTIONS_STORE,
                store -> Optional.ofNullable(store.get(pairId)).flatMap(StoreQueries::published));
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
        StatementHistory history = this.<StatementHistory, StatementHistory>read(CeasefireTopology.STATEMENT_HISTORY_STORE,
                store -> store.get(statementId));
        if (history == null) {
            return List.of();
        }
        return history.getRevisions().stream().map(ResolvedStatement::getStatement).toList();
    }

    @Override
    public List<UnresolvedPlace> unresolvedPlaces() {
        return this.<UnresolvedName, List<UnresolvedPlace>>read(CeasefireTopology.UNRESOLVED_NAMES_STORE, store -> {
            List<UnresolvedPlace> places = new ArrayList<>();
            scan(store.all(), entry -> {
                if (entry.value.getStatements() > 0) {
                    places.add(new UnresolvedPlace(entry.value.getRawName(), entry.value.getStatements()));
                }
            });
            return places;
        });
    }

    @Override
    public List<Place> places() {
        return this.<Place, List<Place>>read(CeasefireTopology.GAZETTEER_STORE, store -> {
            // The store also indexes each place under its names: keep one entry per place id.
            Map<String, Place> byId = new TreeMap<>();
            scan(store.all(), entry -> byId.putIfAbsent(entry.value.getPlaceId(), entry.value));
            return List.copyOf(byId.values());
        });
    }

    @Override
    public List<PlaceActivity> placeActivity() {
        Map<String, Map<String, Long>> accusations = new TreeMap<>();
        Map<String, Long> pairs = new TreeMap<>();
        this.<StatementHistory, Void>read(CeasefireTopology.STATEMENT_HISTORY_STORE, statements -> {
            scan(statements.all(), entry -> entry.value.getRevisions().stream()
                    .max(Comparator.comparingInt(revision -> revision.getStatement().getRevision()))
                    .filter(current -> current.getPlaceId() != null && !current.getStatement().getRetracted()
                            && current.getStatement().getClaim() == ClaimType.ACCUSATION)
                    .ifPresent(current -> accusations.computeIfAbsent(current.getPlaceId(), id -> new TreeMap<>())
                            .merge(current.getStatement().getIssuer(), 1L, Long::sum)));
            return null;
        });
        this.<PairAssertions, Void>read(CeasefireTopology.PAIR_ASSERTIONS_STORE, assertions -> {
            scan(assertions.all(), entry -> published(entry.value).ifPresent(pair -> {
                Set<String> places = new TreeSet<>();
                Optional.ofNullable(pair.getSideOne().getPlaceId()).ifPresent(places::add);
                Optional.ofNullable(pair.getSideTwo().getPlaceId()).ifPresent(places::add);
                places.forEach(place -> pairs.merge(place, 1L, Long::sum));
            }));
            return null;
        });
        Set<String> placeIds = new TreeSet<>(accusations.keySet());
        placeIds.addAll(pairs.keySet());
        return placeIds.stream()
                .map(id -> new PlaceActivity(id, accusations.getOrDefault(id, Map.of()), pairs.getOrDefault(id, 0L)))
                .toList();
    }

    /**
     * Fetches a store and reads it inside one try: Kafka Streams hands out a store while its tasks are
     * still being assigned or restored and only the read itself then fails, so a read outside the try
     * would answer a normal start-up or rebalance with a 500.
     */
    private <V, R> R read(String name, Function<ReadOnlyKeyValueStore<String, V>, R> reading) {
        try {
            return reading.apply(streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore())));
        } catch (InvalidStateStoreException e) {
            throw new InstanceUnavailableException("store " + name + " is not queryable yet (Kafka Streams is " + streams.state()
                    + "; its tasks are starting, restoring or moving between instances)", e);
        }
    }

    private static <V> void scan(KeyValueIterator<String, V> iterator, Consumer<KeyValue<String, V>> action) {
        try (iterator) {
            iterator.forEachRemaining(action);
        }
    }

    /** Stores that must be queryable for this instance to be ready. */
    static final List<String> QUERIED_STORES = List.of(CeasefireTopology.CURRENT_TALLIES_STORE, CeasefireTopology.DAY_TALLIES_STORE,
            CeasefireTopology.PAIR_ASSERTIONS_STORE, CeasefireTopology.STATEMENT_HISTORY_STORE, CeasefireTopology.UNRESOLVED_NAMES_STORE);
}
