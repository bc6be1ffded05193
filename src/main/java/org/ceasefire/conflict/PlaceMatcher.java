package org.ceasefire.conflict;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ceasefire.avro.Place;

/**
 * Finds every place a location names, as a ministry wrote it: "Tovuz rayonunun Ağdam kəndi",
 * "в Аскеранском районе", "Berd, Chinari and Aygepar", "Ջերմուկի ուղղությամբ".
 *
 * <p>The words of the location are read with the conflict's {@link NameRules}: generic words are
 * dropped and separate names; each remaining run of words is matched longest first, with each word as
 * written, without its case ending, folded and transliterated, first against the exact keys of the
 * gazetteer and only then against the looser skeletons. Two names side by side are then tried as one
 * qualified name, "Ağdam (Tovuz)": that is how a district chooses between places of the same name. A
 * district written as one ("Tovuz rayonu", in parentheses) next to a place it does not contain means the
 * place is a namesake elsewhere: neither is returned, since the district only qualified it.
 */
public final class PlaceMatcher {
    /** The longest run of words tried as one name. */
    static final int MAX_NAME_WORDS = 4;
    /** Skeletons of fewer letters are not tried: too many short names share them. */
    static final int MIN_SKELETON_LETTERS = 4;

    /** The gazetteer as the matcher sees it: exact keys and skeletons of every listed name. */
    public interface Index {
        Place exact(String key);

        Place loose(String skeleton);
    }

    /**
     * The outcome.
     *
     * @param places     every place named, in order of appearance, each once
     * @param normalised the location's words that are not generic, as keys (what a maintainer looks up)
     * @param unmatched  words that are neither generic nor part of a place found, as written
     */
    public record Result(List<Place> places, String normalised, List<String> unmatched) {
    }

    private final NameRules rules;
    private final Index index;

    public PlaceMatcher(NameRules rules, Index index) {
        this.rules = rules;
        this.index = index;
    }

    public Result match(String location) {
        List<Token> tokens = tokens(location);
        List<Mention> mentions = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        List<String> normalised = new ArrayList<>();
        for (Token token : tokens) {
            if (!token.word.generic()) {
                normalised.add(token.word.key());
            }
        }
        int i = 0;
        while (i < tokens.size()) {
            Token token = tokens.get(i);
            if (token.word.generic()) {
                i++;
                continue;
            }
            Mention mention = longestName(tokens, i);
            if (mention == null) {
                unmatched.add(token.word.written());
                i++;
                continue;
            }
            mentions.add(mention);
            i = mention.end;
        }
        qualify(mentions, tokens);
        Map<String, Place> places = new LinkedHashMap<>();
        for (Mention mention : mentions) {
            places.putIfAbsent(mention.place.getPlaceId(), mention.place);
        }
        return new Result(List.copyOf(places.values()), String.join(" ", normalised), unmatched);
    }

    /** The longest run of words from {@code start} that is a listed name: exact keys before skeletons. */
    private Mention longestName(List<Token> tokens, int start) {
        int limit = start;
        while (limit < tokens.size() && limit - start < MAX_NAME_WORDS && !tokens.get(limit).word.generic()
                && (limit == start || !tokens.get(limit - 1).breakAfter)) {
            limit++;
        }
        for (boolean loose : new boolean[] {false, true}) {
            for (int end = limit; end > start; end--) {
                for (String key : candidates(tokens, start, end)) {
                    Place place = find(key, loose);
                    if (place != null) {
                        return new Mention(place, key, start, end);
                    }
                }
            }
        }
        return null;
    }

    private Place find(String key, boolean loose) {
        if (!loose) {
            return index.exact(key);
        }
        String skeleton = NameKeys.skeleton(key);
        return skeleton.length() < MIN_SKELETON_LETTERS ? null : index.loose(skeleton);
    }

    /** Keys of words start..end-1, one spelling at a time; only the last word is tried without its case ending. */
    private static List<String> candidates(List<Token> tokens, int start, int end) {
        List<String> keys = new ArrayList<>();
        int spellings = tokens.get(end - 1).word.spellings().size();
        for (int s = 0; s < spellings; s++) {
            StringBuilder prefix = new StringBuilder();
            for (int t = start; t < end - 1; t++) {
                List<List<String>> own = tokens.get(t).word.spellings();
                prefix.append(own.get(Math.min(s, own.size() - 1)).get(0)).append(' ');
            }
            for (String last : tokens.get(end - 1).word.spellings().get(s)) {
                String key = prefix + last;
                if (!keys.contains(key)) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }

    /** Neighbouring names read as one qualified name; districts that only qualified another name are dropped. */
    private void qualify(List<Mention> mentions, List<Token> tokens) {
        for (int m = 0; m + 1 < mentions.size(); m++) {
            Mention a = mentions.get(m);
            Mention b = mentions.get(m + 1);
            if (joined(tokens, a.end, b.start)) {
                continue;
            }
            Place qualified = qualified(a.key, b.key);
            if (qualified == null) {
                qualified = qualified(b.key, a.key);
            }
            if (qualified != null) {
                mentions.set(m, new Mention(qualified, a.key + " " + b.key, a.start, b.end));
                mentions.remove(m + 1);
            }
        }
        // A district written as the qualifier of its neighbour, "Martuni (Gegharkunik)" or "Gədəbəy rayonunun
        // Ağdam kəndi", that did not make a qualified name with it: the neighbour is a namesake elsewhere.
        for (int m = 0; m < mentions.size(); m++) {
            Mention q = mentions.get(m);
            int neighbour = -1;
            if (tokens.get(q.start).inParentheses && "district".equals(q.place.getPrecision())
                    && m > 0 && !tokens.get(mentions.get(m - 1).start).inParentheses) {
                neighbour = m - 1;
            } else if (m + 1 < mentions.size() && q.end < tokens.size() && tokens.get(q.end).word.district()
                    && !tokens.get(q.end).breakAfter && !tokens.get(q.end - 1).breakAfter && mentions.get(m + 1).start == q.end + 1) {
                neighbour = m + 1;
            }
            if (neighbour >= 0 && !mentions.get(neighbour).place.getPlaceId().equals(q.place.getPlaceId())) {
                mentions.remove(Math.max(m, neighbour));
                mentions.remove(Math.min(m, neighbour));
                m = Math.min(m, neighbour) - 1;
            }
        }
    }

    /** True when a conjunction ("and", "və") between two names says they are different places. */
    private static boolean joined(List<Token> tokens, int from, int to) {
        for (int t = from; t < to; t++) {
            if (tokens.get(t).word.conjunction()) {
                return true;
            }
        }
        return false;
    }

    private Place qualified(String name, String district) {
        String key = name + " " + district;
        Place place = index.exact(key);
        return place != null ? place : find(key, true);
    }

    private List<Token> tokens(String location) {
        List<Token> tokens = new ArrayList<>();
        if (location == null) {
            return tokens;
        }
        String text = Normalizer.normalize(location, Normalizer.Form.NFC);
        int depth = 0;
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= text.length(); ) {
            int cp = i < text.length() ? text.codePointAt(i) : ' ';
            i += i < text.length() ? Character.charCount(cp) : 1;
            if (NameKeys.isWordPart(cp)) {
                word.appendCodePoint(cp);
                continue;
            }
            if (!word.isEmpty()) {
                NameRules.Word analysed = rules.word(word.toString());
                if (!analysed.key().isEmpty()) {
                    tokens.add(new Token(analysed, depth > 0));
                }
                word.setLength(0);
            }
            if (cp == '(' || cp == '[') {
                depth++;
            } else if ((cp == ')' || cp == ']') && depth > 0) {
                depth--;
            }
            // A name never runs across punctuation; hyphens, apostrophes and the full stops of abbreviations
            // ("R.S. Pura", "с. Храморт") are kept within it.
            if (!tokens.isEmpty() && !Character.isWhitespace(cp) && cp != '-' && cp != '\'' && cp != '’' && cp != 'ʼ' && cp != '.') {
                tokens.get(tokens.size() - 1).breakAfter = true;
            }
        }
        return tokens;
    }

    private static final class Token {
        final NameRules.Word word;
        final boolean inParentheses;
        boolean breakAfter;

        Token(NameRules.Word word, boolean inParentheses) {
            this.word = word;
            this.inParentheses = inParentheses;
        }
    }

    private static final class Mention {
        final Place place;
        final String key;
        final int start;
        final int end;

        Mention(Place place, String key, int start, int end) {
            this.place = place;
            this.key = key;
            this.start = start;
            this.end = end;
        }
    }
}
