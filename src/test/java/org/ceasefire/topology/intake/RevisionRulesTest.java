package org.ceasefire.topology.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.avro.internal.ResolvedStatement;
import org.ceasefire.avro.internal.StatementHistory;
import org.ceasefire.topology.Fixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RevisionRulesTest {
    private static MinistryStatement revision(int revision, String location) {
        return Fixtures.statement("s1", "AM", org.ceasefire.avro.ClaimType.ACCUSATION, "2023-04-11T00:00:00Z", location)
                .setAccused("AZ").setRevision(revision).build();
    }

    private static StatementHistory history(MinistryStatement... applied) {
        List<ResolvedStatement> revisions = new ArrayList<>();
        for (MinistryStatement s : applied) {
            revisions.add(ResolvedStatement.newBuilder().setStatement(s).setSector("SYUNIK").build());
        }
        return new StatementHistory("s1", revisions, 0L, 0L);
    }

    @Test
    @DisplayName("a first revision applies; the same content again is a duplicate; different content under that revision conflicts")
    void firstDuplicateConflict() {
        StatementHistory one = history(revision(1, "Tegh"));

        assertThat(RevisionRules.decide(null, revision(1, "Tegh"))).isEqualTo(RevisionRules.Decision.APPLY);
        assertThat(RevisionRules.decide(one, revision(1, "Tegh"))).isEqualTo(RevisionRules.Decision.DUPLICATE);
        assertThat(RevisionRules.decide(one, revision(1, "Sotk"))).isEqualTo(RevisionRules.Decision.CONFLICT);
    }

    @Test
    @DisplayName("a higher revision applies, a lower unseen one is stale, and a retraction under the same revision applies")
    void higherStaleRetraction() {
        StatementHistory three = history(revision(3, "Tegh"));
        MinistryStatement retraction = MinistryStatement.newBuilder(revision(3, "Tegh")).setRetracted(true).build();

        assertThat(RevisionRules.decide(three, revision(4, "Sotk"))).isEqualTo(RevisionRules.Decision.APPLY);
        assertThat(RevisionRules.decide(three, revision(2, "Sotk"))).isEqualTo(RevisionRules.Decision.STALE);
        assertThat(RevisionRules.decide(three, retraction)).isEqualTo(RevisionRules.Decision.APPLY);
    }

    @Test
    @DisplayName("the active revision is the last applied one, and none once it is a retraction")
    void active() {
        MinistryStatement retraction = MinistryStatement.newBuilder(revision(2, "Tegh")).setRetracted(true).build();

        assertThat(RevisionRules.active(history(revision(1, "Tegh"), revision(2, "Sotk"))).getStatement().getLocation()).isEqualTo("Sotk");
        assertThat(RevisionRules.active(history(revision(1, "Tegh"), retraction))).isNull();
        assertThat(RevisionRules.active(null)).isNull();
    }
}
