package org.ceasefire.ingest;

import java.util.ArrayList;
import java.util.List;

import org.ceasefire.contract.StatementValidator;
import org.ceasefire.contract.Violation;

/**
 * Decides for one record whether it is a valid statement: what the reader saw, the shape of the
 * fields ({@link StatementParser}) and the contract's rules for the conflict ({@link StatementValidator}).
 */
public final class StatementChecker {
    private final StatementParser parser = new StatementParser();
    private final StatementValidator validator;

    public StatementChecker(StatementValidator validator) {
        this.validator = validator;
    }

    public ParsedStatement check(RawRecord record) {
        if (record.fields() == null) {
            return new ParsedStatement(null, record.readProblems());
        }
        ParsedStatement parsed = parser.parse(record.fields());
        List<Violation> problems = new ArrayList<>(record.readProblems());
        problems.addAll(parsed.problems());
        if (!problems.isEmpty()) {
            return new ParsedStatement(null, problems);
        }
        List<Violation> violations = validator.validate(parsed.statement());
        return violations.isEmpty() ? parsed : new ParsedStatement(null, violations);
    }
}
