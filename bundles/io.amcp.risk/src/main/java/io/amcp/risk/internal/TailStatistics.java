package io.amcp.risk.internal;

/**
 * VaR and expected shortfall of a P&L sample.
 *
 * <p>Quantile convention: sort the P&Ls ascending, {@code p(1) <= ... <= p(n)}; with
 * {@code k = ceil(n (1 - confidence))} (at least 1), VaR is {@code -p(k)}, the k-th worst outcome,
 * and CVaR is {@code -(p(1) + ... + p(k)) / k}, the mean of the k worst outcomes. With 100
 * observations at 95% that is the 5th worst loss and the mean of the 5 worst.
 */
public final class TailStatistics {

    private TailStatistics() {
    }

    /** Number of tail observations {@code k} for {@code n} observations at {@code confidence}. */
    public static int tailCount(int n, double confidence) {
        double exact = n * (1.0 - confidence);
        // n (1 - c) is often an integer blurred by rounding (100 * (1 - 0.95) = 5.000000000000004)
        int k = (int) Math.ceil(exact - 1e-9 * Math.max(1.0, exact));
        return Math.max(1, Math.min(n, k));
    }

    /** {@code {var, cvar}} of a P&L sample already sorted ascending. */
    public static double[] varAndCvarOfSorted(double[] sortedPnl, double confidence) {
        int k = tailCount(sortedPnl.length, confidence);
        double sum = 0.0;
        for (int i = 0; i < k; i++) {
            sum += sortedPnl[i];
        }
        return new double[] {-sortedPnl[k - 1], -sum / k};
    }
}
