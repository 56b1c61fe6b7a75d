package io.amcp.ai.features.internal;

/**
 * Ordinary least squares of the last {@code window} values on their position {@code 0 ... window - 1}
 * (oldest first): slope and coefficient of determination in O(1) per push. With {@code S = sum y},
 * {@code W = sum k * y_k} and {@code Q = sum y^2}, sliding the window by one gives
 * {@code W' = W - (S - y_0) + (n - 1) * y_new}; the sums are rebuilt from the ring buffer once every
 * {@code window} pushes.
 */
final class RollingRegression {

    private final double[] values;
    private final double meanPosition;
    private final double positionSpread;
    private int next;
    private int size;
    private int sinceResum;
    private double sum;
    private double weighted;
    private double squares;

    RollingRegression(int window) {
        if (window < 2) {
            throw new IllegalArgumentException("window must be at least 2, got " + window);
        }
        this.values = new double[window];
        this.meanPosition = (window - 1) / 2.0;
        this.positionSpread = window * ((double) window * window - 1.0) / 12.0;
    }

    void push(double y) {
        int n = values.length;
        if (size < n) {
            weighted += size * y;
            sum += y;
            squares += y * y;
            values[next] = y;
            size++;
        } else {
            double oldest = values[next];
            values[next] = y;
            if (++sinceResum == n) {
                sinceResum = 0;
                next = next + 1 == n ? 0 : next + 1;
                resum();
                return;
            }
            weighted += -(sum - oldest) + (n - 1) * y;
            sum += y - oldest;
            squares += y * y - oldest * oldest;
        }
        next = next + 1 == n ? 0 : next + 1;
    }

    private void resum() {
        int n = values.length;
        double s = 0.0;
        double w = 0.0;
        double q = 0.0;
        int k = 0;
        for (int slot = next; slot < n; slot++, k++) {
            double y = values[slot];
            s += y;
            w += k * y;
            q += y * y;
        }
        for (int slot = 0; slot < next; slot++, k++) {
            double y = values[slot];
            s += y;
            w += k * y;
            q += y * y;
        }
        sum = s;
        weighted = w;
        squares = q;
    }

    boolean isFull() {
        return size == values.length;
    }

    /** Mean of the window's values. */
    double mean() {
        return sum / values.length;
    }

    /** OLS slope per position. */
    double slope() {
        return (weighted - meanPosition * sum) / positionSpread;
    }

    /** R^2 of the fit; 0 when the values are all equal. */
    double rSquared() {
        double covariance = weighted - meanPosition * sum;
        double spread = squares - sum * sum / values.length;
        if (spread <= 0.0) {
            return 0.0;
        }
        double r2 = covariance * covariance / (positionSpread * spread);
        return r2 > 1.0 ? 1.0 : r2;
    }

    void clear() {
        next = 0;
        size = 0;
        sinceResum = 0;
        sum = 0.0;
        weighted = 0.0;
        squares = 0.0;
    }
}
