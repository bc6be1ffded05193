package org.ceasefire.topology.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.internal.ResolvedStatement;
import org.ceasefire.conflict.ConflictDefinition;
import org.ceasefire.topology.Fixtures;
import org.ceasefire.topology.Routed;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ChangeRouterTest {
    private static ResolvedStatement frontCalm(String id, String issuer, String start) {
        MinistryStatement calm = Fixtures.calm(id, issuer, start, null, "");
        return ResolvedStatement.newBuilder().setStatement(calm).setSector(ConflictDefinition.WHOLE_FRONT_SECTOR).setLate(false)
                .setLogTimestamp(0L).build();
    }

    private static List<Boolean> frontWideFlags(List<KeyValue<String, Routed>> events) {
        return events.stream().map(event -> ((Routed.ToSector) event.value).event().getFrontWide()).toList();
    }

    @Test
    @DisplayName("a whole-front calm is tallied under WHOLE_FRONT and copied to the sector stage while its issuer has an area")
    void frontCopyWhileTheIssuerHasAnArea() {
        List<KeyValue<String, Routed>> events = ChangeRouter.route(Fixtures.CONFLICT, null, frontCalm("nk-calm", "NK", "2023-09-20T00:00:00Z"));

        assertThat(events).extracting(event -> event.key).containsExactly("WHOLE_FRONT", "WHOLE_FRONT");
        assertThat(frontWideFlags(events)).containsExactly(false, true);
    }

    @Test
    @DisplayName("once its issuer's area is empty (the NK authorities after 21 September 2023) no copy is sent: it would pair with nothing")
    void noFrontCopyWithoutAnArea() {
        List<KeyValue<String, Routed>> events = ChangeRouter.route(Fixtures.CONFLICT, null, frontCalm("nk-calm", "NK", "2023-09-21T00:00:00Z"));

        assertThat(frontWideFlags(events)).containsExactly(false);
    }
}
