package io.amcp.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.api.model.Bar;
import io.amcp.api.model.InstrumentId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bars to columns, as the live and REST routes hand them to the store. */
class BarBatchTest {

    private static final InstrumentId AAPL = InstrumentId.of("AAPL");

    @Test
    void barsBecomeColumnsInTheOrderGiven() {
        // raw fixed point: 1.00 = 100_000_000; the second bar comes first in time order but stays second
        BarBatch b = BarBatch.of(List.of(new Bar(AAPL, 2_000, 100_000_000, 120_000_000, 90_000_000, 110_000_000, 5),
                new Bar(AAPL, 1_000, 200_000_000, 220_000_000, 190_000_000, 210_000_000, 7)), "live etl-live");
        assertThat(b.symbol()).isEqualTo(AAPL);
        assertThat(b.time()).containsExactly(2_000, 1_000);
        assertThat(b.open()).containsExactly(100_000_000, 200_000_000);
        assertThat(b.high()).containsExactly(120_000_000, 220_000_000);
        assertThat(b.low()).containsExactly(90_000_000, 190_000_000);
        assertThat(b.close()).containsExactly(110_000_000, 210_000_000);
        assertThat(b.volume()).containsExactly(5, 7);
        assertThat(b.origin(1)).isEqualTo("live etl-live row 2");
    }

    @Test
    void oneSymbolPerBatchAndAtLeastOneBar() {
        Bar aapl = new Bar(AAPL, 1_000, 1, 1, 1, 1, 1);
        Bar msft = new Bar(InstrumentId.of("MSFT"), 2_000, 1, 1, 1, 1, 1);
        assertThatThrownBy(() -> BarBatch.of(List.of(aapl, msft), "test"))
                .hasMessage("bars: one batch holds one symbol, but bar 2 is MSFT, not AAPL (source test)");
        assertThatThrownBy(() -> BarBatch.of(List.of(), "test")).hasMessage("bars: at least one bar is required (source test)");
    }
}
