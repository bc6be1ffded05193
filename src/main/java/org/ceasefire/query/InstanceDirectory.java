package org.ceasefire.query;

import java.util.List;

/**
 * Which instances hold what. With one instance every answer is the local one; with several, a
 * key's owner is found from Kafka Streams metadata ({@link StreamsInstanceDirectory}).
 */
public interface InstanceDirectory {

    /** Every instance that hosts any store, this one included, each once. */
    List<LocalQueries> everyInstance();

    /** The instance whose stores hold the contradiction with this pair id. */
    LocalQueries ownerOfPair(String pairId);

    /** The instance whose stores hold this statement's revisions. */
    LocalQueries ownerOfStatement(String statementId);
}
