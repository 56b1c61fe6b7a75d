package io.amcp.api.spi;

import io.amcp.api.model.Bar;
import io.amcp.api.model.Quote;
import io.amcp.api.model.TradeTick;

/**
 * Receives market data. The kernel implements it for data sources (thread-safe: it posts into the
 * kernel's inbound queue); the paper broker implements it to match orders against the market.
 */
public interface MarketDataSink {

    void onBar(Bar bar);

    default void onQuote(Quote quote) {
    }

    default void onTrade(TradeTick trade) {
    }
}
