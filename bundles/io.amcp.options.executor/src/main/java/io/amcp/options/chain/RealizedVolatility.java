package io.amcp.options.chain;

/**
 * Close-to-close realised volatility over a rolling window: the sample standard deviation (n - 1)
 * of the last {@code window} daily log returns, annualised with the square root of
 * {@value #TRADING_DAYS} trading days. Not thread-safe.
 */
public final class RealizedVolatility {

    /** Trading days per year for annualisation. */
    public static final double TRADING_DAYS = 252.0;

    private final int window;
    private final double[] returns;
    private double lastClose = Double.NaN;
    private int count;
    private int pos;

    /** @param window number of log returns, at least 2 */
    public RealizedVolatility(int window) {
        if (window < 2) {
            throw new IllegalArgumentException("window: must be at least 2, was " + window);
        }
        this.window = window;
        this.returns = new double[window];
    }

    /** Adds a daily close. */
    public void add(double close) {
        if (!(close > 0)) {
            throw new IllegalArgumentException("close: must be positive, was " + close);
        }
        if (!Double.isNaN(lastClose)) {
            returns[pos] = Math.log(close / lastClose);
            pos = (pos + 1) % window;
            count++;
        }
        lastClose = close;
    }

    /** True once {@code window} returns have been seen. */
    public boolean isReady() {
        return count >= window;
    }

    /** The annualised volatility of the last {@code window} returns; NaN until ready. */
    public double value() {
        if (!isReady()) {
            return Double.NaN;
        }
        double mean = 0;
        for (double r : returns) {
            mean += r;
        }
        mean /= window;
        double ss = 0;
        for (double r : returns) {
            ss += (r - mean) * (r - mean);
        }
        return Math.sqrt(ss / (window - 1) * TRADING_DAYS);
    }
}
