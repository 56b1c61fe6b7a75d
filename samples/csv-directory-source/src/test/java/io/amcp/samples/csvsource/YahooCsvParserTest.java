package io.amcp.samples.csvsource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.api.model.Bar;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.spi.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class YahooCsvParserTest {

    private static final InstrumentId AAPL = InstrumentId.of("AAPL");
    private final YahooCsvParser parser = new YahooCsvParser(LocalTime.of(16, 0), ZoneId.of("America/New_York"));

    /** The first two AAPL rows of 2013 as Yahoo Finance's download serves them (split-adjusted). */
    static final String AAPL_YAHOO = """
            Date,Open,High,Low,Close,Adj Close,Volume
            2013-01-02,19.779285,19.821428,19.343929,19.608213,16.837049,560518000
            2013-01-03,19.567142,19.631071,19.321428,19.360714,16.624527,352965200
            """;

    @Test
    void readsYahooColumnsIntoBarsEndingAtTheNewYorkClose() {
        List<Bar> bars = parser.parse("AAPL.csv", AAPL_YAHOO, AAPL);

        assertThat(bars).hasSize(2);
        Bar first = bars.get(0);
        // 16:00 in New York on 2 January 2013 (EST, UTC-5) is 21:00 UTC
        assertThat(Clock.toInstant(first.time())).isEqualTo(Instant.parse("2013-01-02T21:00:00Z"));
        assertThat(first.openAsDouble()).isEqualTo(19.779285);
        assertThat(first.highAsDouble()).isEqualTo(19.821428);
        assertThat(first.lowAsDouble()).isEqualTo(19.343929);
        assertThat(first.closeAsDouble()).isEqualTo(19.608213);
        assertThat(first.volumeAsDouble()).isEqualTo(560518000.0);
        assertThat(Clock.toInstant(bars.get(1).time())).isEqualTo(Instant.parse("2013-01-03T21:00:00Z"));
    }

    @Test
    void aBadCellIsReportedByRowAndField() {
        String text = AAPL_YAHOO + "2013-01-04,19.177500,19.236786,18.779642,null,16.161278,594333600\n";

        assertThatThrownBy(() -> parser.parse("AAPL.csv", text, AAPL))
                .isInstanceOfSatisfying(CsvRowException.class, e -> {
                    assertThat(e.row()).isEqualTo(4);
                    assertThat(e.field()).isEqualTo("Close");
                })
                .hasMessage("AAPL.csv: row 4, field Close: not a number: 'null'");
    }

    @Test
    void otherProblemsNameTheirField() {
        assertThatThrownBy(() -> parser.parse("A.csv", "Date,Open,High,Low,Close\n", AAPL))
                .hasMessageContaining("row 1, field Volume: column missing");
        assertThatThrownBy(() -> parser.parse("A.csv", AAPL_YAHOO + "2013-13-01,1,1,1,1,1,1\n", AAPL))
                .hasMessageContaining("row 4, field Date");
        assertThatThrownBy(() -> parser.parse("A.csv", AAPL_YAHOO + "2013-01-03,1,1,1,1,1,1\n", AAPL))
                .hasMessageContaining("row 4, field Date: '2013-01-03' is not after");
        assertThatThrownBy(() -> parser.parse("A.csv", AAPL_YAHOO + "2013-01-04,1,2,3,1,1,1\n", AAPL))
                .hasMessageContaining("row 4, field High/Low");
        assertThatThrownBy(() -> parser.parse("A.csv", AAPL_YAHOO + "2013-01-04,1,1,1,1,1,-5\n", AAPL))
                .hasMessageContaining("row 4, field Volume");
    }
}
