package io.amcp.datasource.yahoo;

import io.amcp.api.model.InstrumentId;
import io.amcp.api.spi.DataSourceHealth.FeedHealth;
import java.time.Instant;
import java.util.List;

/**
 * The Yahoo Finance chart API: bars, splits and dividends. Implemented by
 * {@link YahooFinanceClient} (plain Java) and registered as an OSGi service by this bundle's
 * component (config PID {@code io.amcp.datasource.yahoo}), which is also a
 * {@link io.amcp.api.spi.DatasetProvider}.
 *
 * <p>Calls block the calling thread for at most about {@code maxAttempts * (requestTimeout +
 * maxBackoff)}; run them on an I/O thread, never on the kernel thread.
 */
public interface YahooFinance {

    /**
     * Bars and corporate actions of {@code [from, to)} exactly as Yahoo serves them (split-adjusted
     * as of today).
     *
     * @throws YahooFinanceException naming the symbol when the request fails
     */
    YahooChart chart(InstrumentId symbol, Instant from, Instant to, YahooInterval interval);

    /**
     * Bars and corporate actions of {@code [from, to)} as traded on their day: prices, volumes and
     * dividends with the splits after them undone. Asks Yahoo for everything up to now, because
     * its adjustment includes every later split.
     *
     * @throws YahooFinanceException naming the symbol when the request fails
     */
    YahooChart rawChart(InstrumentId symbol, Instant from, Instant to, YahooInterval interval);

    /**
     * Splits and dividends with ex-dates in {@code [from, to)}, dividends in the per-share amount
     * paid on their day, ready for the data layer's corporate-action store.
     *
     * @throws YahooFinanceException naming the symbol when the request fails
     */
    List<CorporateEvent> corporateActions(InstrumentId symbol, Instant from, Instant to);

    /** Health and freshness of this source. */
    FeedHealth health();
}
