package org.ceasefire.audit;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.IndexedRecord;

/**
 * The canonical, machine-independent form of an output record: fields in schema order, map keys
 * sorted, instants and dates as ISO-8601 strings, enums by name. Fields that say where a record was
 * read from (log partition and offset) are left out, because they depend on how many partitions the
 * log has, and the audit must give the same result for any partitioning.
 */
public final class CanonicalForm {
    /** Fields that locate a statement in one particular log: kept for tracing, not compared or digested. */
    public static final Set<String> LOCATION_FIELDS = Set.of("log_partition", "log_offset");

    private CanonicalForm() {
    }

    public static Map<String, Object> of(IndexedRecord record) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Schema.Field field : record.getSchema().getFields()) {
            if (!LOCATION_FIELDS.contains(field.name())) {
                fields.put(field.name(), value(record.get(field.pos())));
            }
        }
        return fields;
    }

    private static Object value(Object value) {
        if (value instanceof IndexedRecord record) {
            return of(record);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), value(v)));
            return sorted;
        }
        if (value instanceof Collection<?> list) {
            List<Object> items = new ArrayList<>();
            list.forEach(item -> items.add(value(item)));
            return items;
        }
        if (value instanceof Instant || value instanceof LocalDate || value instanceof Enum<?>
                || value instanceof GenericEnumSymbol<?> || value instanceof CharSequence) {
            return value.toString();
        }
        if (value instanceof ByteBuffer buffer) {
            return java.util.HexFormat.of().formatHex(buffer.duplicate().array());
        }
        return value;
    }

    /** Flattens a canonical record into path → value, e.g. {@code accusations.AM → 3}, for field-by-field comparison. */
    public static Map<String, Object> flatten(Map<String, Object> canonical) {
        Map<String, Object> flat = new TreeMap<>();
        flatten("", canonical, flat);
        return flat;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object value, Map<String, Object> flat) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, flat));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), flat);
            }
            if (list.isEmpty()) {
                flat.put(prefix, "[]");
            }
        } else {
            flat.put(prefix, value);
        }
    }
}
