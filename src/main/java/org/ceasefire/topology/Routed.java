package org.ceasefire.topology;

import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.SectorTally;
import org.ceasefire.avro.internal.PairEvent;
import org.ceasefire.avro.internal.SectorEvent;
import org.ceasefire.avro.internal.StatementEvent;

/**
 * What a processor forwards, tagged with where it goes; the topology splits the stream by type.
 * Never serialized: each branch unwraps it before the sink or repartition topic.
 */
public sealed interface Routed {
    /** The original bytes of a rejected record; the reason is in the record's headers. */
    record DeadLetter(byte[] key, byte[] value) implements Routed {
    }

    record Late(MinistryStatement statement) implements Routed {
    }

    /** For the stage keyed by sector (the record key). */
    record ToSector(SectorEvent event) implements Routed {
    }

    /** For the stage keyed by the accused statement's id (the record key). */
    record ToReferences(StatementEvent event) implements Routed {
    }

    /** For the casualty-update stage keyed by issuer (the record key): a statement's new state in its issuer's chains. */
    record ToCasualtyUpdates(org.ceasefire.avro.internal.CasualtyNode node) implements Routed {
    }

    /** A tally to publish; null withdraws it. */
    record Tally(SectorTally tally) implements Routed {
    }

    /** What one sector asserts about a pair, for the stage keyed by pair id. */
    record ToPairOutput(PairEvent event) implements Routed {
    }
}
