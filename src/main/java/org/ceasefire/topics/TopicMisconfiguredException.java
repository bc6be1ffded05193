package org.ceasefire.topics;

import java.util.List;

/** An existing topic's partitions or configuration differ from what the application needs. */
public final class TopicMisconfiguredException extends IllegalStateException {
    private final List<String> problems;

    public TopicMisconfiguredException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0)
                : "Existing topics are configured differently from what ceasefire-monitor needs:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per problem: topic, key, actual and expected value. */
    public List<String> problems() {
        return problems;
    }
}
