package io.amcp.analytics.indicators;

/**
 * How an exponential average (EMA, or Wilder's smoothing in RSI and ATR) gets its first value.
 * The choice changes every later value: the seed decays only as {@code (1 - alpha)^n}.
 */
public enum Seeding {

    /**
     * Textbook seeding (Wilder 1978, StockCharts, TA-Lib for EMA): the first value is the simple
     * average of the first {@code period} inputs; there is no value before that.
     */
    SIMPLE_AVERAGE,

    /**
     * ta4j 0.17 seeding: the first input is the first value and the recursion runs from the second
     * input on. Values exist from the first input, but the first {@code period} of them are what ta4j
     * calls its unstable period, so the indicator reports {@link StreamingIndicator#isReady()} only
     * after the same warm-up as {@link #SIMPLE_AVERAGE}.
     */
    FIRST_VALUE
}
