package org.ceasefire.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.internal.ResolvedStatement;
import org.ceasefire.avro.internal.SectorEvent;
import org.ceasefire.conflict.ConflictDefinition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SectorEventPartitionerTest {
    private static final int PARTITIONS = 64;
    private final SectorEventPartitioner partitioner = new SectorEventPartitioner(Fixtures.CONFLICT);

    private static SectorEvent frontWide(MinistryStatement calm) {
        ResolvedStatement resolved = ResolvedStatement.newBuilder().setStatement(calm).setSector(ConflictDefinition.WHOLE_FRONT_SECTOR)
                .setLogTimestamp(0L).build();
        return new SectorEvent(ConflictDefinition.WHOLE_FRONT_SECTOR, true, resolved, null, true, null);
    }

    private static Set<Integer> partitionsOf(String... sectors) {
        return Stream.of(sectors).map(sector -> SectorStorePartitioner.partitionOf(sector, PARTITIONS)).collect(Collectors.toSet());
    }

    @Test
    @DisplayName("a whole-front calm goes to the partitions of its issuer's sectors only: Armenia's border, not NK-CENTRE's partition")
    void frontWideCalmToTheIssuersSectors() {
        SectorEvent armenia = frontWide(Fixtures.calm("am-calm", "AM", "2023-04-11T00:00:00Z", null, ""));
        SectorEvent azerbaijan = frontWide(Fixtures.calm("az-calm", "AZ", "2023-04-11T00:00:00Z", null, ""));

        Set<Integer> armenian = partitioner.partitions("t", ConflictDefinition.WHOLE_FRONT_SECTOR, armenia, PARTITIONS).orElseThrow();
        assertThat(armenian).isEqualTo(partitionsOf(Fixtures.SYUNIK, Fixtures.GEGHARKUNIK));
        // With 64 partitions the three sectors' partitions differ, so NK-CENTRE's is left out.
        assertThat(partitionsOf(Fixtures.SYUNIK, Fixtures.GEGHARKUNIK, Fixtures.NK_CENTRE)).hasSize(3);
        assertThat(partitioner.partitions("t", ConflictDefinition.WHOLE_FRONT_SECTOR, azerbaijan, PARTITIONS).orElseThrow())
                .isEqualTo(partitionsOf(Fixtures.SYUNIK, Fixtures.GEGHARKUNIK, Fixtures.NK_CENTRE));
    }

    @Test
    @DisplayName("a sector's own event goes to that sector's partition")
    void sectorEventToItsPartition() {
        MinistryStatement accusation = Fixtures.accusation("am-1", "AM", "AZ", "2023-04-11T00:00:00Z", "Tegh");
        SectorEvent event = new SectorEvent(Fixtures.SYUNIK, true,
                ResolvedStatement.newBuilder().setStatement(accusation).setSector(Fixtures.SYUNIK).setLogTimestamp(0L).build(), null, false, null);

        assertThat(partitioner.partitions("t", Fixtures.SYUNIK, event, PARTITIONS)).contains(partitionsOf(Fixtures.SYUNIK));
    }
}
