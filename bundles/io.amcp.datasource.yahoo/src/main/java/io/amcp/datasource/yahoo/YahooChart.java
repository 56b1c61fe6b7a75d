package io.amcp.datasource.yahoo;

import io.amcp.api.model.BarSeries;
import io.amcp.api.model.InstrumentId;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * One answer of the chart API for one symbol.
 *
 * <p>Which adjustment the prices carry depends on the call that produced it: Yahoo serves open,
 * high, low, close and volume split-adjusted as of the day of the request (not dividend-adjusted),
 * and dividends in the same split-adjusted units; {@link YahooFinance#rawChart} undoes the splits so
 * that prices and dividends are as traded on their day, which is what the data layer stores.
 *
 * @param symbol           the instrument
 * @param currency         price currency, e.g. {@code USD}
 * @param exchangeZone     the exchange's time zone
 * @param interval         bar size
 * @param bars             bars by end time; rows Yahoo sent without prices (nulls) are left out
 * @param adjustedClose    Yahoo's split- and dividend-adjusted close per bar ({@code NaN} where it
 *                         sent none); empty for intraday intervals, which carry none
 * @param corporateActions splits and dividends with ex-dates in the requested window, by ex-date
 */
public record YahooChart(InstrumentId symbol, String currency, ZoneId exchangeZone, YahooInterval interval,
        BarSeries bars, double[] adjustedClose, List<CorporateEvent> corporateActions) {

    public YahooChart {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(exchangeZone, "exchangeZone");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(bars, "bars");
        Objects.requireNonNull(adjustedClose, "adjustedClose");
        currency = currency == null ? "" : currency;
        corporateActions = List.copyOf(corporateActions);
        if (adjustedClose.length != 0 && adjustedClose.length != bars.size()) {
            throw new IllegalArgumentException("adjustedClose: " + adjustedClose.length + " values for " + bars.size()
                    + " bars of " + symbol);
        }
    }
}
