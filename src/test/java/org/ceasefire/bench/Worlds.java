package org.ceasefire.bench;

import java.time.Duration;
import java.time.Instant;

import org.ceasefire.conflict.GazetteerFile;
import org.ceasefire.ingest.generator.SpellingBook;
import org.ceasefire.ingest.generator.StatementGenerator;
import org.ceasefire.ingest.generator.SyntheticGazetteer;

/** The built-in conflict extended by invented sectors: the same world in every process for a sector count and seed. */
final class Worlds {
    /**
     * Statements per day of every generated history: that of 100,000 statements over the generator's default
     * two years. A larger count is a longer history, not a denser one, so that the work per statement (how many
     * statements each one meets within the pairing distance) is the same at every size.
     */
    static final int STATEMENTS_PER_DAY = 137;
    /** Histories end where the generator's default one does; at most 50 years long (incident times stay after 1970). */
    private static final Instant END = StatementGenerator.DEFAULT_START.plus(Duration.ofDays(StatementGenerator.DEFAULT_DAYS));
    private static final int MAX_DAYS = 50 * 365;

    private Worlds() {
    }

    static SyntheticGazetteer.World world(int sectors, long seed) {
        return SyntheticGazetteer.extend(GazetteerFile.builtIn(), SpellingBook.readOrBuiltIn(null), sectors, seed);
    }

    /** A generator of {@code count} statements at {@link #STATEMENTS_PER_DAY}. */
    static StatementGenerator history(SyntheticGazetteer.World world, long seed, long count) {
        return history(world, seed, (int) Math.min(MAX_DAYS, Math.max(1, (count + STATEMENTS_PER_DAY - 1) / STATEMENTS_PER_DAY)));
    }

    /** A generator of a history of {@code days} days, however many statements are asked of it: the denser, the more pairs each forms. */
    static StatementGenerator history(SyntheticGazetteer.World world, long seed, int days) {
        return new StatementGenerator(world, seed, END.minus(Duration.ofDays(days)), days);
    }
}
