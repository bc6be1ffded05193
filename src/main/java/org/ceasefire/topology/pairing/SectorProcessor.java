package org.ceasefire.topology.pairing;

import java.time.Duration;

import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.ceasefire.avro.ClaimContradiction;
import org.ceasefire.avro.ClaimType;
import org.ceasefire.avro.internal.PairingCandidate;
import org.ceasefire.avro.internal.ResolvedStatement;
import org.ceasefire.avro.internal.SectorEvent;
import org.ceasefire.avro.internal.UnresolvedName;
import org.ceasefire.conflict.ConflictDefinition;
import org.ceasefire.topology.Pairs;
import org.ceasefire.topology.Routed;
import org.ceasefire.topology.SectorKeys;
import org.ceasefire.topology.TimePairing;
import org.ceasefire.topology.TopologyConfig;
import org.ceasefire.topology.tally.CasualtySupersessions;
import org.ceasefire.topology.tally.ChangedTallies;
import org.ceasefire.topology.tally.TallyDays;
import org.ceasefire.topology.tally.Contributions;
import org.ceasefire.topology.tally.TallyPublisher;
import org.ceasefire.topology.tally.TallyStore;

/**
 * The sector stage, keyed by sector: pairs statements by time, applies refers_to pairs and
 * corroborations, and keeps the sector's tallies. Each event applies exactly the changes it causes
 * (pairs formed or broken, links counted, tally deltas); the changed pairs go to the pair-output stage
 * at once, the changed tallies once per commit interval.
 */
public final class SectorProcessor implements Processor<String, SectorEvent, String, Routed> {
    /** The names of the stores this stage uses. */
    public record Stores(String candidates, String candidatesByLogTime, String statements, String pairs, String members,
                         String corroborations, String accusationLinks, String unresolvedNames, String dayTallies,
                         String currentTallies, String changedTallies, String casualtySupersessions) {
    }

    private final TopologyConfig config;
    private final Stores names;
    private ProcessorContext<String, Routed> context;
    private PairingRules rules;
    private PairingCandidates candidates;
    private SectorLinks links;
    private PairPublisher pairOutput;
    private KeyValueStore<String, ResolvedStatement> statements;
    private KeyValueStore<String, UnresolvedName> unresolved;
    private TallyStore tallies;
    private TallyPublisher tallyOutput;
    private TallyDays days;
    private CasualtySupersessions supersessions;

    public SectorProcessor(TopologyConfig config, Stores names) {
        this.config = config;
        this.names = names;
    }

    @Override
    public void init(ProcessorContext<String, Routed> context) {
        this.context = context;
        rules = new PairingRules(config.conflict(), config.pairingDistance().toMillis(), config.horizon().toMillis());
        candidates = new PairingCandidates(rules, context.getStateStore(names.candidates()), context.getStateStore(names.candidatesByLogTime()));
        days = new TallyDays(config.conflict().days());
        links = new SectorLinks(context.getStateStore(names.pairs()), context.getStateStore(names.members()),
                context.getStateStore(names.corroborations()), context.getStateStore(names.accusationLinks()), days);
        statements = context.getStateStore(names.statements());
        supersessions = new CasualtySupersessions(context.getStateStore(names.casualtySupersessions()), days);
        pairOutput = new PairPublisher(new Pairs(config.conflict()), links, statements, supersessions);
        unresolved = context.getStateStore(names.unresolvedNames());
        ChangedTallies changed = new ChangedTallies(context.getStateStore(names.changedTallies()));
        tallies = new TallyStore(context.getStateStore(names.dayTallies()), context.getStateStore(names.currentTallies()), changed);
        tallyOutput = new TallyPublisher(context.getStateStore(names.dayTallies()), context.getStateStore(names.currentTallies()), changed);

        // Stream time (the log's append time carried by every record), not wall-clock time: eviction
        // happens at the same point of every replay of the log.
        Duration every = config.horizon().compareTo(Duration.ofDays(1)) < 0 ? config.horizon() : Duration.ofDays(1);
        long retention = config.pairingRetention().toMillis();
        context.schedule(every, PunctuationType.STREAM_TIME, now -> candidates.evictBefore(now - retention));
        // Wall-clock time, once per commit interval: tallies reach the output even when no more records come.
        context.schedule(commitInterval(context), PunctuationType.WALL_CLOCK_TIME, now -> tallyOutput.publishChanged(
                (key, tally, timestamp) -> context.forward(new Record<String, Routed>(key, new Routed.Tally(tally), timestamp))));
    }

    private static Duration commitInterval(ProcessorContext<?, ?> context) {
        Object configured = context.appConfigs().get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
        long millis = configured == null ? 100L : Long.parseLong(configured.toString());
        return Duration.ofMillis(Math.max(1L, millis));
    }

    @Override
    public void process(Record<String, SectorEvent> record) {
        SectorEvent event = record.value();
        EventChanges changes = new EventChanges();
        links.beginEvent();
        if (event.getFrontWide()) {
            if (event.getAdded()) {
                addFrontCalm(event.getStatement(), changes);
            } else {
                withdrawFrontCalm(event.getStatement().getStatement().getStatementId(), changes);
            }
        } else if (event.getStatement() != null) {
            if (event.getAdded()) {
                add(event.getSector(), event.getStatement(), changes);
            } else {
                withdraw(event.getSector(), event.getStatement().getStatement().getStatementId(), changes);
            }
        } else if (event.getSuperseded() != null) {
            supersede(event.getSector(), event, changes);
        } else if (event.getReferredPair() != null) {
            ClaimContradiction pair = event.getReferredPair();
            links.setReferred(event.getSector(), pair.getPairId(), event.getAdded() ? pair : null, changes);
        }
        for (EventChanges.PairInSector changed : changes.changedPairs()) {
            context.forward(new Record<String, Routed>(changed.pairId(),
                    new Routed.ToPairOutput(pairOutput.event(changed.sector(), changed.pairId(), changes)), record.timestamp()));
        }
        tallies.apply(changes.tallies(), record.timestamp());
    }

    private void add(String sector, ResolvedStatement statement, EventChanges changes) {
        String id = statement.getStatement().getStatementId();
        if (statements.get(SectorKeys.member(sector, id)) != null) {
            // The intake always withdraws before it adds; this only guards against a replayed add.
            withdraw(sector, id, changes);
        }
        statements.put(SectorKeys.member(sector, id), statement);
        changes.inHand(SectorKeys.member(sector, id), statement);
        Contributions.statement(statement.getStatement(), supersessions.figuresCount(sector, statement),
                changes.tallies().at(sector, days.of(statement.getStatement().getIncidentStart())), 1);
        boolean accusation = statement.getStatement().getClaim() == ClaimType.ACCUSATION;
        if (accusation) {
            links.setActive(sector, id, days.of(statement.getStatement().getIncidentStart()), changes);
        }
        countUnresolved(sector, statement, 1);
        if (!TimePairing.eligible(statement)) {
            return;
        }
        PairingCandidate candidate = PairingCandidates.of(statement);
        if (!rules.withinArea(candidate)) {
            // A calm report or observation outside its issuer's area relates to nothing: no scan, no candidate.
            return;
        }
        for (PairingRules.ScanRange range : rules.candidates(candidate)) {
            for (PairingCandidate partner : candidates.scan(sector, range)) {
                if (!partner.getStatementId().equals(id)) {
                    link(sector, rules.relate(candidate, partner), false, changes);
                }
            }
        }
        if (rules.answerableByFrontCalm(statement)) {
            for (PairingRules.ScanRange range : rules.candidates(candidate)) {
                if (range.claim() == ClaimType.CALM) {
                    for (PairingCandidate calm : candidates.scan(PairingCandidates.TASK_WIDE, range)) {
                        link(sector, rules.relate(candidate, calm), true, changes);
                    }
                }
            }
            candidates.put(PairingCandidates.TASK_WIDE, candidate);
        }
        candidates.put(sector, candidate);
    }

    private void link(String sector, PairingRules.Relation relation, boolean otherTaskWide, EventChanges changes) {
        if (relation == null) {
            return;
        }
        if (relation.corroboration()) {
            links.corroborate(sector, relation.other().getStatementId(), relation.accusation().getStatementId(), true, changes);
        } else {
            links.addTimePair(sector, relation, otherTaskWide, changes);
        }
    }

    private void withdraw(String sector, String id, EventChanges changes) {
        ResolvedStatement statement = statements.get(SectorKeys.member(sector, id));
        if (statement == null) {
            return;
        }
        PairingCandidate candidate = PairingCandidates.of(statement);
        candidates.delete(sector, candidate);
        if (rules.answerableByFrontCalm(statement)) {
            candidates.delete(PairingCandidates.TASK_WIDE, candidate);
        }
        for (SectorLinks.Membership membership : links.memberships(sector, id)) {
            links.removeTimePair(membership.pairSector(), membership.pairId(), changes);
        }
        ClaimType claim = statement.getStatement().getClaim();
        links.withdrawCorroborations(sector, id, claim, changes);
        if (claim == ClaimType.ACCUSATION) {
            links.setActive(sector, id, null, changes);
        }
        Contributions.statement(statement.getStatement(), supersessions.figuresCount(sector, statement),
                changes.tallies().at(sector, days.of(statement.getStatement().getIncidentStart())), -1);
        countUnresolved(sector, statement, -1);
        statements.delete(SectorKeys.member(sector, id));
    }

    /**
     * A whole-front calm's broadcast copy, held task-wide: it pairs with the accusations of this task's
     * sectors that it covers (the sectors of its issuer's area), each pair in the accusation's sector. It is not tallied here (its own
     * sector, WHOLE_FRONT, tallies it).
     */
    private void addFrontCalm(ResolvedStatement calm, EventChanges changes) {
        String id = calm.getStatement().getStatementId();
        if (statements.get(SectorKeys.member(PairingCandidates.TASK_WIDE, id)) != null) {
            withdrawFrontCalm(id, changes);
        }
        statements.put(SectorKeys.member(PairingCandidates.TASK_WIDE, id), calm);
        changes.inHand(SectorKeys.member(PairingCandidates.TASK_WIDE, id), calm);
        PairingCandidate candidate = PairingCandidates.of(calm);
        for (PairingRules.ScanRange range : rules.candidates(candidate)) {
            for (PairingCandidate accusation : candidates.scan(PairingCandidates.TASK_WIDE, range)) {
                PairingRules.Relation relation = rules.relate(candidate, accusation);
                if (relation != null) {
                    links.addTimePair(accusation.getSector(), relation, true, changes);
                }
            }
        }
        candidates.put(PairingCandidates.TASK_WIDE, candidate);
    }

    private void withdrawFrontCalm(String id, EventChanges changes) {
        ResolvedStatement calm = statements.get(SectorKeys.member(PairingCandidates.TASK_WIDE, id));
        if (calm == null) {
            return;
        }
        candidates.delete(PairingCandidates.TASK_WIDE, PairingCandidates.of(calm));
        for (SectorLinks.Membership membership : links.memberships(PairingCandidates.TASK_WIDE, id)) {
            links.removeTimePair(membership.pairSector(), membership.pairId(), changes);
        }
        statements.delete(SectorKeys.member(PairingCandidates.TASK_WIDE, id));
    }

    /** A statement's figures replaced by a later one of its issuer, or counting again: its tally and its pairs change. */
    private void supersede(String sector, SectorEvent event, EventChanges changes) {
        String id = event.getSuperseded().getStatementId();
        ResolvedStatement present = statements.get(SectorKeys.member(sector, id));
        if (supersessions.apply(sector, event.getSuperseded(), present, changes.tallies())) {
            for (SectorLinks.Membership membership : links.memberships(sector, id)) {
                changes.pairChanged(membership.pairSector(), membership.pairId());
            }
        }
    }

    /** Unresolved names are counted where all of them meet: the one task of the UNRESOLVED sector. */
    private void countUnresolved(String sector, ResolvedStatement statement, int delta) {
        if (!ConflictDefinition.UNRESOLVED_SECTOR.equals(sector)) {
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
