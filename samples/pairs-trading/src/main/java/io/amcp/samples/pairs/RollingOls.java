package io.amcp.samples.pairs;

/**
 * Ordinary least squares of {@code y = alpha + beta x} over the last {@code window} points, refit on
 * every new point from the centred sums {@code beta = sum((x - mx)(y - my)) / sum((x - mx)^2)},
 * {@code alpha = my - beta mx}. Recomputing over the window (O(window) per point) avoids the drift of
 * running sums; windows are a few hundred bars.
 */
final class RollingOls {

    private final double[] xs;
    private final double[] ys;
    private int next;
    private int size;
    private double alpha = Double.NaN;
    private double beta = Double.NaN;

    RollingOls(int window) {
        if (window < 3) {
            throw new IllegalArgumentException("olsWindow: must be at least 3, was " + window);
        }
        xs = new double[window];
        ys = new double[window];
    }

    /** Adds a point, dropping the oldest once the window is full, and refits. */
    void add(double x, double y) {
        xs[next] = x;
        ys[next] = y;
        next = (next + 1) % xs.length;
        size = Math.min(size + 1, xs.length);
        if (ready()) {
            fit();
        }
    }

    /** Sums run oldest first, so an instance restored from {@link #points()} refits bit for bit alike. */
    private void fit() {
        double mx = 0;
        double my = 0;
        for (int k = 0; k < size; k++) {
            int i = (next + k) % size;
            mx += xs[i];
            my += ys[i];
        }
        mx /= size;
        my /= size;
        double sxy = 0;
        double sxx = 0;
        for (int k = 0; k < size; k++) {
            int i = (next + k) % size;
            double dx = xs[i] - mx;
            sxy += dx * (ys[i] - my);
            sxx += dx * dx;
        }
        beta = sxx == 0 ? Double.NaN : sxy / sxx;
        alpha = my - beta * mx;
    }

    /** Whether the window is full (before that, alpha and beta are NaN). */
    boolean ready() {
        return size == xs.length;
    }

    double alpha() {
        return alpha;
    }

    double beta() {
        return beta;
    }

    /** The points in the window, oldest first: {@code [x0, y0, x1, y1, ...]}. */
    double[] points() {
        double[] out = new double[2 * size];
        int start = size == xs.length ? next : 0;
        for (int i = 0; i < size; i++) {
            int j = (start + i) % xs.length;
            out[2 * i] = xs[j];
            out[2 * i + 1] = ys[j];
        }
        return out;
    }
}
