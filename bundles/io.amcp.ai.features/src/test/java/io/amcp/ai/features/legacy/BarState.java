package io.amcp.ai.features.legacy;

/**
 * The bar being processed and what every feature block derives from it once: logs of the prices, the
 * previous bar's values, the one-bar log return, and ring buffers of past log closes and returns.
 * Blocks read it; only {@link FeatureComputer} writes it.
 */
final class BarState {

    /** How many past log closes and returns are kept; the longest return horizon must be below it. */
    static final int HISTORY = 256;
    private static final int MASK = HISTORY - 1;

    private final double[] lnCloses = new double[HISTORY];
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
        lnCloses[slot] = lnClose;
        returns[slot] = logReturn;
        count++;
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
