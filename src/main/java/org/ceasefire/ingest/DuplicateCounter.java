package org.ceasefire.ingest;

import java.nio.charset.StandardCharsets;

/**
 * Counts statements seen twice with the same id and revision. To keep memory flat on inputs of
 * millions of statements it keeps a 64-bit hash of each pair (8 bytes each, in an open-addressing
 * table) instead of the ids: two different pairs are taken for one with a probability of about
 * n²/2⁶⁵, below one in ten million for a million statements. It only counts; duplicates are still
 * sent, since the topology treats a repeated id and revision as a no-op anyway.
 */
public final class DuplicateCounter {
    private static final long EMPTY = 0L;

    private long[] table = new long[1 << 16];
    private int size;
    private long duplicates;

    /** Records the pair and returns true when it was seen before. */
    public boolean seen(String statementId, int revision) {
        long hash = hash(statementId, revision);
        if (insert(table, hash)) {
            if (++size * 2 > table.length) {
                grow();
            }
            return false;
        }
        duplicates++;
        return true;
    }

    public long duplicates() {
        return duplicates;
    }

    private static boolean insert(long[] table, long hash) {
        int mask = table.length - 1;
        for (int i = (int) (hash ^ (hash >>> 32)) & mask; ; i = (i + 1) & mask) {
            if (table[i] == EMPTY) {
                table[i] = hash;
                return true;
            }
            if (table[i] == hash) {
                return false;
            }
        }
    }

    private void grow() {
        long[] bigger = new long[table.length * 2];
        for (long hash : table) {
            if (hash != EMPTY) {
                insert(bigger, hash);
            }
        }
        table = bigger;
    }

    /** FNV-1a over the id's UTF-8 bytes and the revision, finished with a 64-bit mixer; never 0 (the empty slot). */
    static long hash(String statementId, int revision) {
        long h = 0xcbf29ce484222325L;
        for (byte b : statementId.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        h = (h ^ 0xff) * 0x100000001b3L;
        h = (h ^ revision) * 0x100000001b3L;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == EMPTY ? 1 : h;
    }
}
