package io.amcp.datasource.alphavantage;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A technical-indicator call, e.g. {@code SMA} over 20 daily closes.
 *
 * @param function   the API function: {@code SMA}, {@code EMA}, {@code RSI}, {@code MACD}, ...
 * @param interval   {@code 1min}, {@code 5min}, {@code 15min}, {@code 30min}, {@code 60min},
 *                   {@code daily}, {@code weekly} or {@code monthly}
 * @param timePeriod look-back in bars; 0 for functions without one (e.g. {@code MACD})
 * @param seriesType {@code close}, {@code open}, {@code high} or {@code low}; empty for functions
 *                   without one (e.g. {@code ADX})
 */
public record IndicatorRequest(String function, String interval, int timePeriod, String seriesType) {

    private static final Pattern FUNCTION = Pattern.compile("[A-Z][A-Z0-9_]{1,19}");
    private static final Pattern INTERVAL = Pattern.compile("1min|5min|15min|30min|60min|daily|weekly|monthly");
    private static final Pattern SERIES = Pattern.compile("|close|open|high|low");

    public IndicatorRequest {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(interval, "interval");
        seriesType = seriesType == null ? "" : seriesType;
        if (!FUNCTION.matcher(function).matches()) {
            throw new IllegalArgumentException("function: expected an upper-case API function such as SMA, was '"
                    + function + "'");
        }
        if (!INTERVAL.matcher(interval).matches()) {
            throw new IllegalArgumentException("interval: expected one of " + INTERVAL.pattern().replace('|', ' ')
                    + ", was '" + interval + "'");
        }
        if (timePeriod < 0) {
            throw new IllegalArgumentException("timePeriod: must not be negative, was " + timePeriod);
        }
        if (!SERIES.matcher(seriesType).matches()) {
            throw new IllegalArgumentException("seriesType: expected close, open, high or low, was '" + seriesType + "'");
        }
    }

    public static IndicatorRequest of(String function, String interval, int timePeriod, String seriesType) {
        return new IndicatorRequest(function, interval, timePeriod, seriesType);
    }

    /** Simple moving average of {@code timePeriod} closes. */
    public static IndicatorRequest sma(String interval, int timePeriod) {
        return new IndicatorRequest("SMA", interval, timePeriod, "close");
    }

    /** Wilder's relative strength index over {@code timePeriod} closes. */
    public static IndicatorRequest rsi(String interval, int timePeriod) {
        return new IndicatorRequest("RSI", interval, timePeriod, "close");
    }
}
