package io.amcp.ai.features.internal;

/**
 * The bar being processed and what every feature block derives from it once: logs of the prices, the
 * previous bar's values, the one-bar log return, and ring buffers of past log closes and returns.
 * Blocks read it; only {@link FeatureComputer} writes it.
 */
final class BarState {

    /** How many past log closes and returns are kept; the longest return horizon must be below it. */
    static final int HISTORY = 256;
    private static final int MASK = HISTORY - 1;

    /**
     * Window lengths of the rolling highest high and lowest low kept for every block (stochastics and
     * price position), in one queue per side.
     */
    static final int[] EXTREME_WINDOWS = {5, 14, 20, 28, 60, 250};

    /** Window lengths of {@link #returnSums}. */
    static final int[] RETURN_WINDOWS = {5, 10, 20, 60};
    /** Channels of {@link #returnSums}: r, |r|, r^3, r^4 and lagged products r_t r_(t-k), |r_t r_(t-1)|. */
    static final int RETURN = 0;
    static final int ABS_RETURN = 1;
    static final int CUBED_RETURN = 2;
    static final int FOURTH_POWER_RETURN = 3;
    static final int LAG_1_PRODUCT = 4;
    static final int LAG_2_PRODUCT = 5;
    static final int LAG_5_PRODUCT = 6;
    static final int ABS_LAG_1_PRODUCT = 7;
    private static final int[] PRODUCT_LAGS = {1, 2, 5};

    /**
     * Rolling sums (and sums of squares) of the one-bar log return and its powers and lagged products
     * over {@link #RETURN_WINDOWS} (squares of r and |r| only), shared by every block that needs them (volatility, distribution,
     * autocorrelation, efficiency ratio). A term that does not exist yet (the first bar's return, a
     * product reaching before it) enters as 0; it has left a window of {@code n} by the time a feature
     * over that window has its lookback.
     */
    final WindowSums returnSums = new WindowSums(8, 2, RETURN_WINDOWS, PRODUCT_LAGS[PRODUCT_LAGS.length - 1]);

    private final double[] closes = new double[HISTORY];
    private final double[] lnCloses = new double[HISTORY];
    private final RollingExtremes highs = RollingExtremes.max(EXTREME_WINDOWS);
    private final RollingExtremes lows = RollingExtremes.min(EXTREME_WINDOWS);
    private final double[] returns = new double[HISTORY];

    long count;
    long time;
    double open;
    double high;
    double low;
    double close;
    double volume;
    double lnOpen;
    double lnHigh;
    double lnLow;
    double lnClose;
    double previousHigh = Double.NaN;
    double previousLow = Double.NaN;
    double previousClose = Double.NaN;
    double lnPreviousHigh = Double.NaN;
    double lnPreviousLow = Double.NaN;
    double lnPreviousClose = Double.NaN;
    double logReturn = Double.NaN;
    double quotedSpread = Double.NaN;

    void advance(long time, double open, double high, double low, double close, double volume, double quotedSpread) {
        if (count > 0) {
            previousHigh = this.high;
            previousLow = this.low;
            previousClose = this.close;
            lnPreviousClose = this.lnClose;
            lnPreviousHigh = this.lnHigh;
            lnPreviousLow = this.lnLow;
        }
        this.time = time;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
        this.quotedSpread = quotedSpread;
        lnOpen = Math.log(open);
        lnHigh = Math.log(high);
        lnLow = Math.log(low);
        lnClose = Math.log(close);
        logReturn = count > 0 ? lnClose - lnPreviousClose : Double.NaN;
        int slot = (int) (count & MASK);
        closes[slot] = close;
        lnCloses[slot] = lnClose;
        returns[slot] = logReturn;
        pushReturnTerms();
        highs.push(high);
        lows.push(low);
        count++;
    }

    /** Stages and pushes the return terms of the bar being advanced ({@code count} not yet incremented). */
    private void pushReturnTerms() {
        double r = count > 0 ? logReturn : 0.0;
        double r2 = r * r;
        returnSums.stage(RETURN, r);
        returnSums.stage(ABS_RETURN, Math.abs(r));
        returnSums.stage(CUBED_RETURN, r2 * r);
        returnSums.stage(FOURTH_POWER_RETURN, r2 * r2);
        for (int i = 0; i < PRODUCT_LAGS.length; i++) {
            int lag = PRODUCT_LAGS[i];
            returnSums.stage(LAG_1_PRODUCT + i, count > lag ? r * returns[(int) ((count - lag) & MASK)] : 0.0);
        }
        returnSums.stage(ABS_LAG_1_PRODUCT, count > 1 ? Math.abs(r * returns[(int) ((count - 1) & MASK)]) : 0.0);
        returnSums.push();
    }

    /** Index into {@link #RETURN_WINDOWS} of window length {@code n}. */
    static int returnWindow(int n) {
        return indexOf(RETURN_WINDOWS, n);
    }

    private static int indexOf(int[] windows, int n) {
        for (int i = 0; i < windows.length; i++) {
            if (windows[i] == n) {
                return i;
            }
        }
        throw new IllegalArgumentException("no rolling window of length " + n);
    }

    /** Index into {@link #EXTREME_WINDOWS} of window length {@code n}. */
    static int extremeWindow(int n) {
        return indexOf(EXTREME_WINDOWS, n);
    }

    /** The highest high of the last {@code EXTREME_WINDOWS[i]} bars, of all bars while fewer. */
    double highest(int i) {
        return highs.value(i);
    }

    /** The lowest low of the last {@code EXTREME_WINDOWS[i]} bars, of all bars while fewer. */
    double lowest(int i) {
        return lows.value(i);
    }

    /** The close {@code k} bars ago ({@code 0} is the current bar); {@code k < min(count, HISTORY)}. */
    double closeAgo(int k) {
        return closes[(int) ((count - 1 - k) & MASK)];
    }

    /** The log close {@code k} bars ago ({@code 0} is the current bar); {@code k < min(count, HISTORY)}. */
    double lnCloseAgo(int k) {
        return lnCloses[(int) ((count - 1 - k) & MASK)];
    }

    /** The one-bar log return {@code k} bars ago ({@code 0} is the current bar); NaN for the first bar. */
    double returnAgo(int k) {
        return returns[(int) ((count - 1 - k) & MASK)];
    }

    void clear() {
        count = 0;
        highs.clear();
        lows.clear();
        returnSums.clear();
        previousHigh = Double.NaN;
        previousLow = Double.NaN;
        previousClose = Double.NaN;
        lnPreviousClose = Double.NaN;
        lnPreviousHigh = Double.NaN;
        lnPreviousLow = Double.NaN;
        logReturn = Double.NaN;
        quotedSpread = Double.NaN;
    }
}
