package io.amcp.datasource.alpaca;

import io.amcp.api.model.Bar;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Quote;
import io.amcp.api.model.TradeTick;
import java.util.Objects;

/**
 * One symbol's snapshot ({@code /v2/stocks/snapshots}). A part Alpaca left out, or a quote that is
 * not usable (zero or crossed, as pre-market quotes can be), is null.
 *
 * @param instrument   the symbol
 * @param latestTrade  last trade
 * @param latestQuote  last quote
 * @param minuteBar    latest minute bar
 * @param dailyBar     today's bar so far
 * @param prevDailyBar the previous session's bar
 */
public record Snapshot(InstrumentId instrument, TradeTick latestTrade, Quote latestQuote, Bar minuteBar, Bar dailyBar,
        Bar prevDailyBar) {

    public Snapshot {
        Objects.requireNonNull(instrument, "instrument");
    }
}
