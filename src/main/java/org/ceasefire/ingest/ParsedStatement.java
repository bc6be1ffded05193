package org.ceasefire.ingest;

import java.util.List;

import org.ceasefire.avro.MinistryStatement;
import org.ceasefire.contract.Violation;

/** The outcome of turning a record into a statement: the statement, or why it could not be one. */
public record ParsedStatement(MinistryStatement statement, List<Violation> problems) {
    public ParsedStatement {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
