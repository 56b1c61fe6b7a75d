package io.amcp.datasource.news.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentimentScorerTest {

    private final SentimentScorer scorer = new SentimentScorer(Lexicon.bundled());

    @Test
    void bundledSubsetHoldsKnownLoughranMcDonaldWords() {
        Lexicon lm = Lexicon.bundled();
        // words of the published LM lists, and "liability" which LM deliberately leave out of Negative
        assertThat(lm.positive()).contains("PROFITABLE", "IMPROVED", "STRONG").doesNotContain("LIABILITY");
        assertThat(lm.negative()).contains("LOSS", "IMPAIRMENT", "BANKRUPTCY").doesNotContain("LIABILITY", "TAX");
        assertThat(lm.positive()).doesNotContainAnyElementsOf(lm.negative());
    }

    @Test
    void scoreIsNetOverTotal() {
        // strong, improved positive; loss negative: (2 - 1) / 3
        SentimentScorer.Score score = scorer.score("Strong quarter: margins improved despite a one-off loss.");
        assertThat(score).isEqualTo(new SentimentScorer.Score(2, 1));
        assertThat(score.value()).isCloseTo(1.0 / 3.0, within(1e-12));
        assertThat(scorer.score("The board met on Tuesday.").value()).isZero();
    }

    @Test
    void negatorWithinThreeWordsFlips() {
        // not + 2 words + profitable: flipped to negative
        assertThat(scorer.score("The unit was not yet really profitable")).isEqualTo(new SentimentScorer.Score(0, 1));
        // not + 3 words + profitable: out of the window
        assertThat(scorer.score("not the unit that was profitable")).isEqualTo(new SentimentScorer.Score(1, 0));
        assertThat(scorer.score("no impairment was recorded")).isEqualTo(new SentimentScorer.Score(1, 0));
        assertThat(scorer.score("Results never improved")).isEqualTo(new SentimentScorer.Score(0, 1));
        assertThat(scorer.score("Margins didn't improve")).isEqualTo(new SentimentScorer.Score(0, 1));
        assertThat(scorer.score("Margins didn\u2019t improve")).isEqualTo(new SentimentScorer.Score(0, 1));
    }

    @Test
    void readsTheMasterDictionaryCsv(@TempDir Path dir) throws Exception {
        // the header and year-coded columns of Loughran-McDonald_MasterDictionary_1993-2023.csv
        Path csv = dir.resolve("lm.csv");
        Files.writeString(csv, """
                Word,Seq_num,Word Count,Word Proportion,Average Proportion,Std Dev,Doc Count,Negative,Positive,Uncertainty,Litigious,Strong_Modal,Weak_Modal,Constraining,Complexity,Syllables,Source
                ABANDON,4,131484,5.3E-06,4.9E-06,3.7E-05,98640,2009,0,0,0,0,0,0,0,2,12of12inf
                ABLE,35,6713722,2.7E-04,2.8E-04,2.9E-04,781442,0,2009,0,0,0,0,0,0,2,12of12inf
                ACCIDENT,54,41123,1.7E-06,1.5E-06,2.7E-05,28474,-2020,0,0,0,0,0,0,0,3,12of12inf
                ACCOUNT,75,4917006,2.0E-04,1.9E-04,3.3E-04,729081,0,0,0,0,0,0,0,0,2,12of12inf
                """);
        Lexicon lm = Lexicon.masterDictionary(csv);
        assertThat(lm.negative()).isEqualTo(Set.of("ABANDON"));
        assertThat(lm.positive()).isEqualTo(Set.of("ABLE"));
        Files.writeString(csv, "Word,Positive\nABLE,2009\n");
        assertThatThrownBy(() -> Lexicon.masterDictionary(csv)).hasMessageContaining("no column 'Negative'");
    }
}
