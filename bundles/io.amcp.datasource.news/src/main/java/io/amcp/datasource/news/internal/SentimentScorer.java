package io.amcp.datasource.news.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lexicon sentiment in the Loughran-McDonald manner: count the text's positive and negative words
 * and score {@code (pos - neg) / (pos + neg)}, 0 when it has none, so the score lies in [-1, 1].
 *
 * <p>Negation: a sentiment word with a negator ({@code no, not, none, neither, never, nobody}, or a
 * contraction ending in {@code n't}) among the three words before it counts for the opposite side
 * ("not profitable" is negative, "no losses" positive). Loughran and McDonald (2011) flip positive
 * words only; this scorer flips both, which reads headlines such as "no impairment" correctly.
 */
final class SentimentScorer {

    private static final Pattern WORD = Pattern.compile("\\p{L}+(?:['\u2019]\\p{L}+)*");
    private static final Set<String> NEGATORS = Set.of("NO", "NOT", "NONE", "NEITHER", "NEVER", "NOBODY");
    private static final int NEGATION_WINDOW = 3;

    /**
     * The counts behind a score.
     *
     * @param positive positive words, after negation
     * @param negative negative words, after negation
     */
    record Score(int positive, int negative) {

        /** {@code (positive - negative) / (positive + negative)}, or 0 without sentiment words. */
        double value() {
            int total = positive + negative;
            return total == 0 ? 0.0 : (double) (positive - negative) / total;
        }
    }

    private final Lexicon lexicon;

    SentimentScorer(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    Score score(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(m.group().replace('\u2019', '\'').toUpperCase(Locale.ROOT));
        }
        int positive = 0;
        int negative = 0;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            boolean isPositive = lexicon.positive().contains(word);
            boolean isNegative = lexicon.negative().contains(word);
            if (isPositive == isNegative) {
                continue;
            }
            if (negated(words, i) ? isNegative : isPositive) {
                positive++;
            } else {
                negative++;
            }
        }
        return new Score(positive, negative);
    }

    private static boolean negated(List<String> words, int index) {
        for (int j = Math.max(0, index - NEGATION_WINDOW); j < index; j++) {
            String w = words.get(j);
            if (NEGATORS.contains(w) || w.endsWith("N'T")) {
                return true;
            }
        }
        return false;
    }
}
