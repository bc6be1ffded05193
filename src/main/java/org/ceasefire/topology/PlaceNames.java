package org.ceasefire.topology;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns a place name as an issuer wrote it into lookup keys. Both sides write the same place in
 * different languages and transliterations; the gazetteer lists each spelling, and these keys make
 * case, diacritics, Azerbaijani letters and generic words ("village", "район", "rayonu") irrelevant.
 *
 * <p>{@link #normalise} is the exact key; {@link #skeleton} is a looser key tried only when the exact
 * one misses, so that unlisted transliterations (Shusha/Susa, Kalbajar/Kəlbəcər) still match.
 */
public final class PlaceNames {
    // Declared first: the generic words below are normalised with them while the class initialises.
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    /**
     * Letters that NFD does not decompose, or that transliterate to digraphs (Azerbaijani Latin).
     * Applied after lower-casing, so only lower-case forms are listed.
     */
    private static final Map<String, String> FOLDING = Map.of(
            "ə", "a", "ı", "i", "ş", "sh", "ç", "ch", "ğ", "gh", "x", "kh", "ё", "е", "ʼ", "", "’", "", "'", "");

    /**
     * Whole words that say what kind of place it is rather than which one, in English, Russian,
     * Azerbaijani and Armenian, including common inflected forms. Stored normalised.
     * Words that are part of a name when written together (Xankəndi) are safe: only whole words go.
     */
    private static final Set<String> GENERIC_WORDS = Stream.of(
                    // English
                    "village", "villages", "town", "city", "district", "region", "direction", "area", "near", "nearby",
                    "settlement", "vicinity", "outskirts", "of", "the", "in", "at", "around", "towards", "toward",
                    "province", "community", "positions", "sector",
                    // Russian
                    "село", "села", "селе", "селом", "деревня", "деревни", "город", "города", "городе", "район", "района",
                    "районе", "направление", "направлении", "направления", "область", "области", "поселок", "поселка",
                    "окрестности", "окрестностях", "близ", "около", "вблизи", "возле", "у", "в", "во", "со", "стороны",
                    "населенный", "населенного", "пункт", "пункта", "р", "н", "с", "г",
                    // Azerbaijani
                    "rayonu", "rayonunun", "rayonunda", "rayon", "istiqamətində", "istiqaməti", "istiqamətindən",
                    "ərazisi", "ərazisində", "şəhəri", "şəhərinin", "şəhər", "qəsəbəsi", "qəsəbə", "yaxınlığında",
                    "bölgəsi", "bölgəsində", "kəndinin", "kəndində",
                    // Armenian
                    "գյուղ", "գյուղի", "գյուղում", "քաղաք", "քաղաքի", "շրջան", "շրջանի", "մարզ", "մարզի",
                    "ուղղություն", "ուղղությամբ", "ուղղության", "հատված", "հատվածում", "մոտ", "տարածք", "տարածքում",
                    "համայնք", "համայնքի")
            .map(PlaceNames::foldedTokens)
            .flatMap(List::stream)
            .collect(Collectors.toUnmodifiableSet());

    /** Looser spellings: digraphs and letters that transliterations render differently. Order matters. */
    private static final String[][] SKELETON_RULES = {
            {"dzh", "c"}, {"sh", "s"}, {"ch", "c"}, {"kh", "k"}, {"gh", "g"}, {"zh", "z"},
            {"j", "c"}, {"q", "g"}, {"x", "k"}, {"y", "i"}, {"e", "a"}, {"w", "v"}};

    private PlaceNames() {
    }

    /** The exact lookup key; empty when nothing but generic words (or nothing at all) is left. */
    public static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        return foldedTokens(raw).stream().filter(token -> !GENERIC_WORDS.contains(token)).collect(Collectors.joining(" "));
    }

    /** The loose key of an already normalised name: digraphs collapsed, similar vowels merged, no spaces or doubled letters. */
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

    private static List<String> foldedTokens(String raw) {
        String lower = raw.toLowerCase(Locale.ROOT);
        StringBuilder folded = new StringBuilder(lower.length());
        lower.codePoints().forEach(cp -> {
            String letter = new String(Character.toChars(cp));
            folded.append(FOLDING.getOrDefault(letter, letter));
        });
        String stripped = COMBINING_MARKS.matcher(Normalizer.normalize(folded, Normalizer.Form.NFD)).replaceAll("");
        List<String> tokens = new ArrayList<>();
        for (String token : NOT_LETTER_OR_DIGIT.split(stripped)) {
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        return tokens;
    }
}
