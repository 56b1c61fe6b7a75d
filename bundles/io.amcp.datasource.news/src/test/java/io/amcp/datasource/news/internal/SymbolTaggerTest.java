package io.amcp.datasource.news.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.api.model.InstrumentId;
import org.junit.jupiter.api.Test;

class SymbolTaggerTest {

    private final SymbolTagger tagger = SymbolTagger.of("companies", "Apple=AAPL", "Target=tgt", "Berkshire Hathaway=BRK.B");

    @Test
    void cashtagsOnWordBoundaries() {
        assertThat(tagger.tag("$aapl and $MSFT, then ($BRK.B).")).containsExactly(
                InstrumentId.of("AAPL"), InstrumentId.of("BRK.B"), InstrumentId.of("MSFT"));
        assertThat(tagger.tag("costs $5 billion; x$AAPL; $$GME; $TOOLONGX; $\u00C4BC")).isEmpty();
    }

    @Test
    void companyNamesAsWholeWordsAndCaseSensitive() {
        assertThat(tagger.tag("Apple's margins")).containsExactly(InstrumentId.of("AAPL"));
        assertThat(tagger.tag("Applebee's menu, apple pie, Snapple")).isEmpty();
        assertThat(tagger.tag("Target cuts guidance")).containsExactly(InstrumentId.of("TGT"));
        assertThat(tagger.tag("analysts raise their price target")).isEmpty();
        assertThat(tagger.tag("Berkshire Hathaway buys more")).containsExactly(InstrumentId.of("BRK.B"));
    }

    @Test
    void malformedEntryNamesItsIndex() {
        assertThatThrownBy(() -> SymbolTagger.of("companies", "Apple=AAPL", "Microsoft"))
                .hasMessageStartingWith("companies[1]: expected 'Company name=SYMBOL'");
        assertThatThrownBy(() -> SymbolTagger.of("companies", "Bad=not a symbol"))
                .hasMessageStartingWith("companies[0]: instrument: invalid value");
    }
}
