package org.ceasefire.topology.pairing;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.ceasefire.avro.ClaimType;
import org.ceasefire.avro.internal.PairingCandidate;
import org.ceasefire.avro.internal.ResolvedStatement;
import org.ceasefire.topology.SectorKeys;

/**
 * The statements that can still pair by time, as slim candidates keyed {@code scope|CLAIM|S or L|incident time|id}
 * so that a time range of one claim type and length class ({@link PairingRules.Length}: S short, L long
 * period) is one range scan. The scope is a sector, or
 * {@link #TASK_WIDE} for what every sector of a task shares: whole-front calm reports and an index of
 * the accusations they can answer. A second store orders the candidates by log append time, so that
 * eviction reads only what expires.
 */
final class PairingCandidates {
    /** No sector id is empty, so task-wide keys never mix with a sector's own. */
    static final String TASK_WIDE = "";

    private final PairingRules rules;
    private final KeyValueStore<String, PairingCandidate> candidates;
    private final KeyValueStore<String, String> byLogTime;

    PairingCandidates(PairingRules rules, KeyValueStore<String, PairingCandidate> candidates, KeyValueStore<String, String> byLogTime) {
        this.rules = rules;
        this.candidates = candidates;
        this.byLogTime = byLogTime;
    }

    static PairingCandidate of(ResolvedStatement resolved) {
        var s = resolved.getStatement();
        return PairingCandidate.newBuilder()
                .setStatementId(s.getStatementId())
                .setIssuer(s.getIssuer())
                .setClaim(s.getClaim())
                .setAccused(s.getAccused())
                .setIncidentStart(s.getIncidentStart().toEpochMilli())
                .setIncidentEnd(s.getIncidentEnd() == null ? null : s.getIncidentEnd().toEpochMilli())
                .setSector(resolved.getSector())
                .setLogTimestamp(resolved.getLogTimestamp())
                .build();
    }

    void put(String scope, PairingCandidate candidate) {
        String key = key(scope, candidate);
        candidates.put(key, candidate);
        byLogTime.put(SectorKeys.time(candidate.getLogTimestamp()) + SectorKeys.SEPARATOR + key, key);
    }

    /** Leaves the log-time index entry behind: eviction skips entries whose candidate is gone or newer. */
    void delete(String scope, PairingCandidate candidate) {
        candidates.delete(key(scope, candidate));
    }

    List<PairingCandidate> scan(String scope, PairingRules.ScanRange range) {
        List<PairingCandidate> found = new ArrayList<>();
        String prefix = prefix(scope, range.claim(), range.length());
        // The id part follows the time, so "|" + the last printable char closes the upper bound.
        try (KeyValueIterator<String, PairingCandidate> it = candidates.range(
                prefix + SectorKeys.time(range.from()), prefix + SectorKeys.time(range.to()) + SectorKeys.SEPARATOR + "\uffff")) {
            while (it.hasNext()) {
                KeyValue<String, PairingCandidate> next = it.next();
                if (next.value != null) {
                    found.add(next.value);
                }
            }
        }
        return found;
    }

    /**
     * Removes the candidates the log appended before {@code cutoff}: state stays bounded. Log time, not
     * incident time, decides, so a history back-filled years after the incidents still pairs, and
     * partitions read at different speeds do not evict each other's candidates early.
     */
    void evictBefore(long cutoff) {
        List<KeyValue<String, String>> expired = new ArrayList<>();
        try (KeyValueIterator<String, String> it = byLogTime.range(SectorKeys.time(0), SectorKeys.time(cutoff))) {
            it.forEachRemaining(expired::add);
        }
        for (KeyValue<String, String> entry : expired) {
            byLogTime.delete(entry.key);
            if (entry.value == null) {
                continue;
            }
            PairingCandidate candidate = candidates.get(entry.value);
            // The same key may have been added again since, by a later revision with the same claim and time.
            if (candidate != null && candidate.getLogTimestamp() < cutoff) {
                candidates.delete(entry.value);
            }
        }
    }

    private static String prefix(String scope, ClaimType claim, PairingRules.Length length) {
        return scope + SectorKeys.SEPARATOR + claim + SectorKeys.SEPARATOR + (length == PairingRules.Length.SHORT ? "S" : "L")
                + SectorKeys.SEPARATOR;
    }

    private String key(String scope, PairingCandidate candidate) {
        return prefix(scope, candidate.getClaim(), rules.length(candidate)) + SectorKeys.time(candidate.getIncidentStart())
                + SectorKeys.SEPARATOR + candidate.getStatementId();
    }
}
