package org.ceasefire.conflict;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The place-name rules of one conflict: one {@link LanguageRules} per language its statements are
 * written in. Everything language-specific about reading a location is here, as data of the conflict
 * file; the resolver ({@link PlaceMatcher}) only applies it.
 */
public record NameRules(List<LanguageRules> languages) {
    /** No language rules: names match only as listed (case and accents aside). */
    public static final NameRules NONE = new NameRules(List.of());

    /** The rules of every conflict file read in this process, by conflict id (see {@link #forConflict}). */
    private static final Map<String, NameRules> BY_CONFLICT = new ConcurrentHashMap<>();

    public NameRules {
        languages = List.copyOf(languages);
    }

    /** Called when a conflict file has been read, so that a resolver that knows only the conflict id finds its rules. */
    static void register(String conflictId, NameRules rules) {
        BY_CONFLICT.put(conflictId, rules);
    }

    /**
     * The rules of the conflict file last read with this id; the built-in conflict's rules when no file of
     * that id was read yet and the built-in conflict has it; {@link #NONE} otherwise.
     */
    public static NameRules forConflict(String conflictId) {
        NameRules rules = BY_CONFLICT.get(conflictId);
        if (rules != null) {
            return rules;
        }
        GazetteerFile builtIn = GazetteerFile.builtIn();
        return builtIn.conflict().id().equals(conflictId) ? builtIn.conflict().nameRules() : NONE;
    }

    /** What the rules say about one word as written. */
    public Word word(String written) {
        String lower = written.toLowerCase(Locale.ROOT);
        String key = NameKeys.token(lower);
        List<LanguageRules> own = new ArrayList<>();
        for (LanguageRules language : languages) {
            if (language.applies(lower)) {
                own.add(language);
            }
        }
        List<String> stems = new ArrayList<>();
        stems.add(lower);
        for (LanguageRules language : own) {
            stems.addAll(language.stems(lower));
        }
        boolean generic = false;
        boolean district = false;
        boolean conjunction = false;
        for (String stem : stems) {
            String stemKey = NameKeys.token(stem);
            for (LanguageRules language : languages) {
                generic |= language.genericWords().contains(stemKey);
                district |= language.districtWords().contains(stemKey);
                conjunction |= language.conjunctions().contains(stemKey);
            }
        }
        // Spellings, most literal first: as written, then each language's folding, then its transliteration.
        List<List<String>> spellings = new ArrayList<>();
        spellings.add(keys(stems));
        for (LanguageRules language : own) {
            if (language.hasFolding()) {
                spellings.add(keys(stems.stream().map(language::fold).toList()));
            }
            if (language.hasTransliteration()) {
                spellings.add(keys(stems.stream().map(s -> language.transliterate(language.fold(s))).toList()));
            }
        }
        return new Word(written, key, generic, district, conjunction, spellings);
    }

    private static List<String> keys(List<String> forms) {
        Set<String> keys = new LinkedHashSet<>();
        for (String form : forms) {
            String key = NameKeys.token(form);
            if (!key.isEmpty()) {
                keys.add(key);
            }
        }
        return List.copyOf(keys);
    }

    /**
     * One word of a location.
     *
     * @param written   as written
     * @param key       its exact key
     * @param generic   a generic word ("village", "rayonunun", "ուղղությամբ"): never part of a name
     * @param district  a generic word that makes the name next to it a district
     * @param conjunction a generic word that joins the names of different places
     * @param spellings the word's keys per spelling (as written, folded, transliterated); in each, the
     *                  first key is the whole word and the others the word without a case ending
     */
    public record Word(String written, String key, boolean generic, boolean district, boolean conjunction, List<List<String>> spellings) {
    }
}
