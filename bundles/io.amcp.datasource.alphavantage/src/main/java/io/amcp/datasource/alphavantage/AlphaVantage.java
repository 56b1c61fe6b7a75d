package io.amcp.datasource.alphavantage;

import io.amcp.api.spi.DataSourceHealth.FeedHealth;

import io.amcp.api.model.BarSeries;
import io.amcp.api.model.InstrumentId;
import java.util.List;

/**
 * Alpha Vantage: bars, fundamentals and technical indicators. Implemented by
 * {@link AlphaVantageClient} (plain Java) and registered as an OSGi service by this bundle's
 * component (config PID {@code io.amcp.datasource.alphavantage}), which is also a
 * {@link io.amcp.api.spi.DatasetProvider}.
 *
 * <p>Every call waits for a slot of the client-side rate limiter (at most {@code maxQueueWait}) and
 * then for the answer (at most {@code requestTimeout} per attempt); run calls on an I/O thread.
 * Failures throw {@link AlphaVantageException} naming the symbol and function.
 */
public interface AlphaVantage {

    /** Daily bars as traded ({@code TIME_SERIES_DAILY}), each ending at the session close. */
    BarSeries dailyBars(InstrumentId symbol, OutputSize size);

    /**
     * Intraday bars ({@code TIME_SERIES_INTRADAY}, split- and dividend-adjusted by Alpha Vantage,
     * extended hours included), each ending one interval after its label.
     */
    BarSeries intradayBars(InstrumentId symbol, IntradayInterval interval, OutputSize size);

    /** Annual then quarterly income statements ({@code INCOME_STATEMENT}), newest first within each. */
    List<FinancialStatement> incomeStatements(InstrumentId symbol);

    /** Annual then quarterly balance sheets ({@code BALANCE_SHEET}), newest first within each. */
    List<FinancialStatement> balanceSheets(InstrumentId symbol);

    /** Reported and estimated EPS ({@code EARNINGS}). */
    Earnings earnings(InstrumentId symbol);

    /** A technical indicator computed by Alpha Vantage, e.g. {@link IndicatorRequest#sma}. */
    IndicatorSeries indicator(InstrumentId symbol, IndicatorRequest request);

    /** Health and freshness of this source. */
    FeedHealth health();
}
