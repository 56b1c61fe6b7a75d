package io.amcp.analytics.indicators;

/** A streaming indicator over bars: it reads whichever of high, low, close and volume it needs. */
public interface BarIndicator extends StreamingIndicator {

    /**
     * Takes the next bar.
     *
     * @param high   the bar's high
     * @param low    the bar's low
     * @param close  the bar's close
     * @param volume the bar's volume
     * @return the new {@link #value()}
     */
    double update(double high, double low, double close, double volume);
}
