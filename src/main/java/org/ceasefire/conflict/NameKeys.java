package org.ceasefire.conflict;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The lookup keys of place names that hold for every language: case, accents and the handful of
 * Latin letters Unicode does not decompose. What is particular to a language (its generic words, case
 * endings, folding and transliteration) is data in the conflict definition ({@link NameRules}); these
 * keys are what both the gazetteer's index and the resolver's candidates are reduced to, so they
 * must stay the same for every conflict.
 *
 * <p>{@link #normalise} is the exact key; {@link #skeleton} is a looser key of a Latin key, tried only
 * when the exact one misses, so that near transliterations (Shusha/Susa, Kalbajar/Kelbajar) still meet.
 */
public final class NameKeys {
    /** Latin letters without a Unicode decomposition, and apostrophes that only some writers put in. */
    private static final Map<Integer, String> UNDECOMPOSED = Map.of(
            (int) 'ə', "a", (int) 'ı', "i", (int) 'ł', "l", (int) 'ø', "o", (int) 'đ', "d", (int) 'ß', "ss", (int) 'æ', "ae");

    /** Looser spellings of Latin keys: digraphs and letters that transliterations render differently. Order matters. */
    private static final String[][] SKELETON_RULES = {
            {"dzh", "c"}, {"sh", "s"}, {"ch", "c"}, {"kh", "k"}, {"gh", "g"}, {"zh", "z"},
            {"j", "c"}, {"q", "g"}, {"x", "k"}, {"y", "i"}, {"e", "a"}, {"w", "v"}};

    private NameKeys() {
    }

    /** The exact key of a name: its {@link #tokens} joined by single spaces. */
    public static String normalise(String raw) {
        return raw == null ? "" : String.join(" ", tokens(raw));
    }

    /** The keys of the words of a name, in order: anything that is not a letter or a digit separates words. */
    public static List<String> tokens(String raw) {
        List<String> tokens = new ArrayList<>();
        for (String word : rawWords(raw)) {
            String key = token(word);
            if (!key.isEmpty()) {
                tokens.add(key);
            }
        }
        return tokens;
    }

    /** The key of one word as written (or as a language rule rewrote it). */
    public static String token(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
        Character.UnicodeScript base = null;
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            boolean mark = type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
            if (mark) {
                // Accents on Latin, Cyrillic and Greek letters are spelling variants; the vowel signs of
                // Devanagari or Arabic script are letters of the word and stay.
                if (!strippable(base)) {
                    out.appendCodePoint(cp);
                }
                continue;
            }
            if (!Character.isLetterOrDigit(cp)) {
                continue;
            }
            base = Character.UnicodeScript.of(cp);
            String replacement = UNDECOMPOSED.get(cp);
            if (replacement != null) {
                out.append(replacement);
            } else {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    private static boolean strippable(Character.UnicodeScript script) {
        return script == Character.UnicodeScript.LATIN || script == Character.UnicodeScript.CYRILLIC
                || script == Character.UnicodeScript.GREEK || script == null;
    }

    /** The words of a text as written (case and accents kept), split at anything that is not a letter, digit or mark. */
    public static List<String> rawWords(String raw) {
        List<String> words = new ArrayList<>();
        if (raw == null) {
            return words;
        }
        String text = Normalizer.normalize(raw, Normalizer.Form.NFC);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isWordPart(cp)) {
                word.appendCodePoint(cp);
            } else if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    static boolean isWordPart(int cp) {
        int type = Character.getType(cp);
        // Zero-width (non-)joiners are part of words in Urdu and Devanagari typing.
        return Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK || cp == 0x200C || cp == 0x200D;
    }

    /** The loose key of an exact key: digraphs collapsed, similar vowels merged, no spaces or doubled letters. */
    public static String skeleton(String normalised) {
        String s = normalised.replace(" ", "");
        for (String[] rule : SKELETON_RULES) {
            s = s.replace(rule[0], rule[1]);
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (i == 0 || s.charAt(i) != s.charAt(i - 1)) {
                out.append(s.charAt(i));
            }
        }
        return out.toString();
    }
}
