package org.ceasefire.conflict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How one language writes place names in statements, as data from the conflict file: the words that
 * say what kind of place it is rather than which one, the subset of them that name a district, the
 * case endings a name takes (each with what replaces it), letter folding (spelling variants within the
 * language) and transliteration into Latin. Rules apply to words of the language's script only.
 *
 * @param id              language code, e.g. "az"
 * @param script          the Unicode script of its words
 * @param genericWords    exact keys ({@link NameKeys#token}) of generic words, inflected forms included
 * @param districtWords   exact keys of the generic words that say the name next to them is a district or province
 * @param conjunctions    exact keys of the generic words that join names of different places ("and", "və")
 * @param caseEndings     ending → its replacements (each tried), applied to a lower-cased word; longest ending first
 * @param folding         letters (lower case, as written) → their plainer spelling in the same language
 * @param transliteration letters (lower case, after folding) → Latin letters
 * @param minStem         the fewest letters a word keeps when an ending is taken off
 */
public record LanguageRules(String id, Character.UnicodeScript script, Set<String> genericWords, Set<String> districtWords,
                            Set<String> conjunctions, Map<String, List<String>> caseEndings, Map<String, String> folding, Map<String, String> transliteration,
                            int minStem) {
    public LanguageRules {
        genericWords = Set.copyOf(genericWords);
        districtWords = Set.copyOf(districtWords);
        conjunctions = Set.copyOf(conjunctions);
        caseEndings = longestFirst(caseEndings);
        folding = longestFirst(folding);
        transliteration = longestFirst(transliteration);
    }

    /** Rules from words as written: generic and district words are reduced to their keys here. */
    public static LanguageRules of(String id, Character.UnicodeScript script, List<String> genericWords, List<String> districtWords,
                                   List<String> conjunctions, Map<String, List<String>> caseEndings, Map<String, String> folding, Map<String, String> transliteration,
                                   int minStem) {
        List<String> generic = new ArrayList<>(genericWords);
        generic.addAll(districtWords);
        generic.addAll(conjunctions);
        Map<String, List<String>> endings = new LinkedHashMap<>();
        caseEndings.forEach((ending, replacements) -> endings.put(ending.toLowerCase(Locale.ROOT),
                replacements.stream().map(r -> r.toLowerCase(Locale.ROOT)).toList()));
        return new LanguageRules(id, script, keys(generic), keys(districtWords), keys(conjunctions), endings, lower(folding), lower(transliteration), minStem);
    }

    boolean applies(String word) {
        return !word.isEmpty() && Character.UnicodeScript.of(word.codePointAt(0)) == script;
    }

    /** The word with each matching case ending replaced, longest ending first; the word itself is not included. */
    List<String> stems(String lowerWord) {
        List<String> stems = new ArrayList<>();
        int length = lowerWord.codePointCount(0, lowerWord.length());
        caseEndings.forEach((ending, replacements) -> {
            if (lowerWord.endsWith(ending) && length - ending.codePointCount(0, ending.length()) >= minStem) {
                for (String replacement : replacements) {
                    stems.add(lowerWord.substring(0, lowerWord.length() - ending.length()) + replacement);
                }
            }
        });
        return stems;
    }

    String fold(String lowerWord) {
        return rewrite(lowerWord, folding);
    }

    String transliterate(String lowerWord) {
        return rewrite(lowerWord, transliteration);
    }

    boolean hasFolding() {
        return !folding.isEmpty();
    }

    boolean hasTransliteration() {
        return !transliteration.isEmpty();
    }

    /** Replaces, left to right, the longest listed letter group at each position. */
    private static String rewrite(String word, Map<String, String> table) {
        if (table.isEmpty()) {
            return word;
        }
        StringBuilder out = new StringBuilder(word.length() + 4);
        int i = 0;
        outer:
        while (i < word.length()) {
            for (Map.Entry<String, String> entry : table.entrySet()) {
                if (word.startsWith(entry.getKey(), i)) {
                    out.append(entry.getValue());
                    i += entry.getKey().length();
                    continue outer;
                }
            }
            int cp = word.codePointAt(i);
            out.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static Set<String> keys(List<String> words) {
        return words.stream().map(NameKeys::tokens).flatMap(List::stream).collect(Collectors.toUnmodifiableSet());
    }

    private static Map<String, String> lower(Map<String, String> table) {
        Map<String, String> lower = new LinkedHashMap<>();
        table.forEach((from, to) -> lower.put(from.toLowerCase(Locale.ROOT), to.toLowerCase(Locale.ROOT)));
        return lower;
    }

    private static <V> Map<String, V> longestFirst(Map<String, V> table) {
        Map<String, V> sorted = new LinkedHashMap<>();
        table.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, V> e) -> e.getKey().length()).reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return java.util.Collections.unmodifiableMap(sorted);
    }
}
