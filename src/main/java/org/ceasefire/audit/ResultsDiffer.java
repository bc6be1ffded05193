package org.ceasefire.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeSet;

import org.apache.avro.generic.IndexedRecord;

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

    private static void compare(String output, SortedMap<String, ? extends IndexedRecord> live,
                                SortedMap<String, ? extends IndexedRecord> replayed, List<Difference> differences) {
        TreeSet<String> keys = new TreeSet<>(live.keySet());
        keys.addAll(replayed.keySet());
        for (String key : keys) {
            IndexedRecord l = live.get(key);
            IndexedRecord r = replayed.get(key);
            if (l == null || r == null) {
                differences.add(new Difference(output, key, "*", l == null ? ABSENT : "present", r == null ? ABSENT : "present"));
                continue;
            }
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
}
