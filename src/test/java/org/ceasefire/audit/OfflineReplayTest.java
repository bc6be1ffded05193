package org.ceasefire.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.ceasefire.avro.ClaimType;
import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.conflict.GazetteerFile;
import org.ceasefire.testdata.Statements;
import org.ceasefire.topics.Topics;
import org.ceasefire.topology.TopologyConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OfflineReplayTest {
    private static LoggedRecord logged(MinistryStatement statement, int partition, long offset) {
        return new LoggedRecord(statement.getStatementId().getBytes(StandardCharsets.UTF_8), new byte[0], partition, offset,
                statement.getPublishedAt().toEpochMilli());
    }

    @Test
    @DisplayName("a statement the topology rejects is reported with its key, reason and position in the real log")
    void rejectedStatementKeepsItsLogPosition() {
        GazetteerFile builtIn = GazetteerFile.builtIn();
        TopologyConfig config = TopologyConfig.of(Topics.defaults(), builtIn.conflict(), Map.of());
        MinistryStatement valid = Statements.builder("am-1", "AM", ClaimType.ACCUSATION, "2023-04-11T12:00:00Z", "Tegh")
                .setAccused("AZ").build();
        MinistryStatement selfAccusing = Statements.builder("am-2", "AM", ClaimType.ACCUSATION, "2023-04-11T13:00:00Z", "Tegh")
                .setAccused("AM").build();
        try (OfflineReplay replay = new OfflineReplay(config)) {
            replay.loadGazetteer(builtIn.places());
            replay.replay(logged(valid, 0, 7), valid);
            replay.replay(logged(selfAccusing, 2, 41), selfAccusing);
            try (AuditResults results = replay.finish()) {
                assertThat(results.rejected()).singleElement().satisfies(rejected -> {
                    assertThat(rejected.key()).isEqualTo("am-2");
                    assertThat(rejected.partition()).isEqualTo(2);
                    assertThat(rejected.offset()).isEqualTo(41);
                    assertThat(rejected.reason()).contains("accused");
                });
                assertThat(results.tallies().get("SYUNIK|ALL_TIME").getStatements()).containsExactly(Map.entry("AM", 1L));
            }
        }
    }
}
