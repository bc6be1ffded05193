package org.ceasefire.query;

import java.util.List;

/** One instance holds everything: every key is local. */
public final class SingleInstanceDirectory implements InstanceDirectory {
    private final LocalQueries local;

    public SingleInstanceDirectory(LocalQueries local) {
        this.local = local;
    }

    @Override
    public List<LocalQueries> everyInstance() {
        return List.of(local);
    }

    @Override
    public LocalQueries ownerOfPair(String pairId) {
        return local;
    }

    @Override
    public LocalQueries ownerOfStatement(String statementId) {
        return local;
    }
}
