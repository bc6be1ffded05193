package org.ceasefire.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificRecord;

/** Compares live output with replayed output, field by field, in their canonical form. */
public final class ResultsDiffer {
    static final String ABSENT = "(absent)";

    private ResultsDiffer() {
    }

    public static List<Difference> compare(AuditResults live, AuditResults replayed) {
        List<Difference> differences = new ArrayList<>();
        compare("tally", live.tallies(), replayed.tallies(), differences);
        compare("contradiction", live.contradictions(), replayed.contradictions(), differences);
        return differences;
    }

    /** Walks both tables in key order at once, so neither has to fit in memory. */
    private static <V extends SpecificRecord> void compare(String output, ResultTable<V> live, ResultTable<V> replayed,
                                                           List<Difference> differences) {
        try (ResultTable<V>.Cursor l = live.cursor(); ResultTable<V>.Cursor r = replayed.cursor()) {
            boolean moreLive = l.advance();
            boolean moreReplayed = r.advance();
            while (moreLive || moreReplayed) {
                int order = !moreLive ? 1 : !moreReplayed ? -1 : ResultTable.KEY_ORDER.compare(l.key(), r.key());
                if (order < 0) {
                    differences.add(new Difference(output, l.key(), "*", "present", ABSENT));
                    moreLive = l.advance();
                } else if (order > 0) {
                    differences.add(new Difference(output, r.key(), "*", ABSENT, "present"));
                    moreReplayed = r.advance();
                } else {
                    compareFields(output, l.key(), l.value(), r.value(), differences);
                    moreLive = l.advance();
                    moreReplayed = r.advance();
                }
            }
        }
    }

    private static void compareFields(String output, String key, IndexedRecord l, IndexedRecord r, List<Difference> differences) {
        Map<String, Object> lf = CanonicalForm.flatten(CanonicalForm.of(l));
        Map<String, Object> rf = CanonicalForm.flatten(CanonicalForm.of(r));
        TreeSet<String> fields = new TreeSet<>(lf.keySet());
        fields.addAll(rf.keySet());
        for (String field : fields) {
            Object lv = lf.get(field);
            Object rv = rf.get(field);
            if (!Objects.equals(lv, rv)) {
                differences.add(new Difference(output, key, field,
                        lv == null ? ABSENT : String.valueOf(lv), rv == null ? ABSENT : String.valueOf(rv)));
            }
        }
    }
}
