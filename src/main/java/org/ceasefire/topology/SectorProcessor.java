package org.ceasefire.topology;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.internal.PairEvent;
import org.ceasefire.avro.internal.ResolvedStatement;
import org.ceasefire.avro.internal.SectorEvent;
import org.ceasefire.avro.internal.SectorPair;
import org.ceasefire.avro.internal.SectorStatement;
import org.ceasefire.avro.internal.UnresolvedName;
import org.ceasefire.conflict.ConflictDefinition;

/**
 * Stage B, keyed by sector: pairs statements by time, applies refers_to pairs and corroborations, and
 * keeps the sector's tallies. Each event changes memberships; what it changed in the tallies and in the
 * published pairs is derived by comparing the sector's entries before and after it.
 */
final class SectorProcessor implements Processor<String, SectorEvent, String, Routed> {
    private final TopologyConfig config;
    private ProcessorContext<String, Routed> context;
    private KeyValueStore<String, SectorStatement> statements;
    private KeyValueStore<String, SectorPair> pairStore;
    private KeyValueStore<String, UnresolvedName> unresolved;
    private SectorPairing pairing;
    private TallyPublisher tallies;

    SectorProcessor(TopologyConfig config) {
        this.config = config;
    }

    @Override
    public void init(ProcessorContext<String, Routed> context) {
        this.context = context;
        statements = context.getStateStore(CeasefireTopology.SECTOR_STATEMENTS_STORE);
        pairStore = context.getStateStore(CeasefireTopology.SECTOR_PAIRS_STORE);
        unresolved = context.getStateStore(CeasefireTopology.UNRESOLVED_NAMES_STORE);
        KeyValueStore<String, ResolvedStatement> pairingStore = context.getStateStore(CeasefireTopology.PAIRING_STORE);
        PairingRules rules = new PairingRules(config.conflict(), config.pairingDistance().toMillis(), config.horizon().toMillis());
        pairing = new SectorPairing(rules, new Pairs(config.conflict()), pairingStore,
                context.getStateStore(CeasefireTopology.FRONT_CALMS_STORE));
        tallies = new TallyPublisher(context.getStateStore(CeasefireTopology.DAY_TALLIES_STORE),
                context.getStateStore(CeasefireTopology.CURRENT_TALLIES_STORE));
        // Stream time (the log's append time carried by every record), not wall-clock time: eviction
        // happens at the same point of every replay of the log.
        Duration every = config.horizon().compareTo(Duration.ofDays(1)) < 0 ? config.horizon() : Duration.ofDays(1);
        long retention = config.pairingRetention().toMillis();
        context.schedule(every, PunctuationType.STREAM_TIME, now -> pairing.evictBefore(now - retention));
    }

    @Override
    public void process(Record<String, SectorEvent> record) {
        SectorEvent event = record.value();
        if (event.getFrontWide()) {
            processFrontCalm(event, record.timestamp());
            return;
        }
        SectorView view = new SectorView(event.getSector(), statements, pairStore);
        if (event.getStatement() != null) {
            ResolvedStatement statement = event.getStatement();
            String id = statement.getStatement().getStatementId();
            ResolvedStatement was = view.statement(id).getStatement();
            if (event.getAdded()) {
                pairing.add(view, statement);
            } else {
                pairing.withdraw(view, id);
            }
            countUnresolved(view.sector(), was, -1);
            countUnresolved(view.sector(), view.statement(id).getStatement(), 1);
        } else if (event.getReferredPair() != null) {
            if (event.getAdded()) {
                pairing.addReferred(view, event.getReferredPair());
            } else {
                pairing.withdrawReferred(view, event.getReferredPair());
            }
        }
        publish(view, record.timestamp());
        view.flush();
    }

    /** A whole-front calm's broadcast copy: it may change pairs in any number of this task's sectors. */
    private void processFrontCalm(SectorEvent event, long timestamp) {
        Map<String, SectorView> views = new TreeMap<>();
        Function<String, SectorView> viewOf = sector -> views.computeIfAbsent(sector, s -> new SectorView(s, statements, pairStore));
        if (event.getAdded()) {
            pairing.addFrontCalm(event.getStatement(), viewOf);
        } else {
            pairing.withdrawFrontCalm(event.getStatement().getStatement().getStatementId(), viewOf);
        }
        for (SectorView view : views.values()) {
            publish(view, timestamp);
            view.flush();
        }
    }

    private void publish(SectorView view, long timestamp) {
        Map<LocalDate, TallyCounts> changes = new TreeMap<>();
        for (String id : view.touchedStatements().toArray(String[]::new)) {
            change(changes, Contributions.of(view.before(id), view.sector()), -1);
            change(changes, Contributions.of(view.after(id), view.sector()), 1);
        }
        for (String pairId : view.affectedPairs()) {
            ClaimContradiction before = view.publishedBefore(pairId);
            ClaimContradiction after = view.publishedAfter(pairId);
            if (!java.util.Objects.equals(before, after)) {
                change(changes, Contributions.of(before), -1);
                change(changes, Contributions.of(after), 1);
                PairEvent event = new PairEvent(view.sector(), after);
                context.forward(new Record<String, Routed>(pairId, new Routed.ToPairOutput(event), timestamp));
            }
        }
        tallies.apply(view.sector(), changes,
                (key, tally) -> context.forward(new Record<String, Routed>(key, new Routed.Tally(tally), timestamp)));
    }

    private static void change(Map<LocalDate, TallyCounts> changes, Contributions.Contribution contribution, int sign) {
        if (contribution != null) {
            changes.computeIfAbsent(contribution.day(), day -> new TallyCounts()).add(contribution.counts(), sign);
        }
    }

    /** Unresolved names are counted where all of them meet: the one task of the UNRESOLVED sector. */
    private void countUnresolved(String sector, ResolvedStatement statement, int delta) {
        if (statement == null || !ConflictDefinition.UNRESOLVED_SECTOR.equals(sector)) {
            return;
        }
        String raw = statement.getStatement().getLocation();
        UnresolvedName name = unresolved.get(raw);
        long count = (name == null ? 0 : name.getStatements()) + delta;
        if (count <= 0) {
            unresolved.delete(raw);
        } else {
            unresolved.put(raw, new UnresolvedName(raw, statement.getNormalisedLocation(), count));
        }
    }
}
