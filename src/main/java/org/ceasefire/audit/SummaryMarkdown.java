package org.ceasefire.audit;

import java.util.Map;
import java.util.TreeMap;

import org.ceasefire.avro.PeriodKind;

/** The human-readable page of an audit report. */
final class SummaryMarkdown {
    private SummaryMarkdown() {
    }

    static String render(String title, AuditResults results, long statements, String digest) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(title).append("\n\n");
        md.append("- statements replayed: ").append(statements).append('\n');
        md.append("- contradictions standing: ").append(results.contradictions().size()).append('\n');
        md.append("- records rejected: ").append(results.rejected().size()).append('\n');
        md.append("- statements late: ").append(results.late().size()).append('\n');
        md.append("- place names not in the gazetteer: ").append(results.unresolvedPlaces().size()).append('\n');
        md.append("- digest (SHA-256 of tallies.json then contradictions.json): `").append(digest).append("`\n\n");

        md.append("## Contradictions by kind and sector\n\n| sector | kind | pairs |\n| --- | --- | --- |\n");
        Map<String, Integer> byKind = new TreeMap<>();
        results.contradictions().forEach((id, c) -> byKind.merge(c.getSector() + " | " + c.getKind(), 1, Integer::sum));
        byKind.forEach((key, count) -> md.append("| ").append(key).append(" | ").append(count).append(" |\n"));

        md.append("\n## All-time tallies by sector\n\n| sector | statements | accusations | denials | calm | unanswered | corroborations |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- |\n");
        results.tallies().forEach((key, t) -> {
            if (t.getPeriodKind() == PeriodKind.ALL_TIME) {
                md.append("| ").append(t.getSector())
                        .append(" | ").append(new TreeMap<>(t.getStatements()))
                        .append(" | ").append(new TreeMap<>(t.getAccusations()))
                        .append(" | ").append(new TreeMap<>(t.getDenials()))
                        .append(" | ").append(new TreeMap<>(t.getCalmReports()))
                        .append(" | ").append(t.getUnansweredAccusations())
                        .append(" | ").append(t.getCorroborations()).append(" |\n");
            }
        });
        md.append("\nFiles: tallies.json/.csv, contradictions.json/.csv, rejected.csv, late.csv, unresolved.csv, ")
                .append("trace.csv (each statement revision's partition, offset and log append time), digest.txt.\n");
        return md.toString();
    }
}
