package org.ceasefire.bench;

import org.ceasefire.conflict.GazetteerFile;
import org.ceasefire.ingest.generator.SpellingBook;
import org.ceasefire.ingest.generator.SyntheticGazetteer;

/** The built-in conflict extended by invented sectors: the same world in every process for a sector count and seed. */
final class Worlds {
    private Worlds() {
    }

    static SyntheticGazetteer.World world(int sectors, long seed) {
        return SyntheticGazetteer.extend(GazetteerFile.builtIn(), SpellingBook.readOrBuiltIn(null), sectors, seed);
    }
}
