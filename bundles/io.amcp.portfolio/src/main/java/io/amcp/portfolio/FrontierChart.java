package io.amcp.portfolio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * A self-contained SVG chart of return against volatility: the efficient frontier as a line and
 * the Pareto front as dots coloured from blue (lowest) to red (highest) CVaR or turnover, with a
 * colour scale. No scripts, no external resources.
 */
public final class FrontierChart {

    /** What the colour of a Pareto point shows. */
    public enum ColourBy {
        /** Conditional value at risk. */
        CVAR(ParetoPoint::cvar, "CVaR"),
        /** Turnover from current weights. */
        TURNOVER(ParetoPoint::turnover, "turnover");

        private final ToDoubleFunction<ParetoPoint> value;
        private final String label;

        ColourBy(ToDoubleFunction<ParetoPoint> value, String label) {
            this.value = value;
            this.label = label;
        }
    }

    static final int WIDTH = 640;
    static final int HEIGHT = 420;
    private static final int LEFT = 70;
    private static final int RIGHT = 110;
    private static final int TOP = 30;
    private static final int BOTTOM = 50;

    private FrontierChart() {
    }

    /** The chart as SVG text. */
    public static String svg(List<OptimalPortfolio> frontier, List<ParetoPoint> pareto, ColourBy colourBy) {
        Objects.requireNonNull(frontier, "frontier");
        Objects.requireNonNull(pareto, "pareto");
        Objects.requireNonNull(colourBy, "colourBy");
        if (frontier.isEmpty() && pareto.isEmpty()) {
            throw new IllegalArgumentException("frontier: nothing to plot, frontier and pareto are both empty");
        }
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (OptimalPortfolio p : frontier) {
            minX = Math.min(minX, p.volatility());
            maxX = Math.max(maxX, p.volatility());
            minY = Math.min(minY, p.expectedReturn());
            maxY = Math.max(maxY, p.expectedReturn());
        }
        double minC = Double.POSITIVE_INFINITY;
        double maxC = Double.NEGATIVE_INFINITY;
        for (ParetoPoint p : pareto) {
            minX = Math.min(minX, p.volatility());
            maxX = Math.max(maxX, p.volatility());
            minY = Math.min(minY, p.expectedReturn());
            maxY = Math.max(maxY, p.expectedReturn());
            double c = colourBy.value.applyAsDouble(p);
            minC = Math.min(minC, c);
            maxC = Math.max(maxC, c);
        }
        Axis x = new Axis(minX, maxX, LEFT, WIDTH - RIGHT);
        Axis y = new Axis(minY, maxY, HEIGHT - BOTTOM, TOP);
        StringBuilder svg = new StringBuilder(4096);
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append("<title>Efficient frontier and Pareto front</title>\n");
        svg.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"white\"/>%n",
                WIDTH, HEIGHT));
        axes(svg, x, y);
        if (!frontier.isEmpty()) {
            svg.append("<polyline class=\"frontier\" fill=\"none\" stroke=\"#333333\" stroke-width=\"2\" points=\"");
            for (OptimalPortfolio p : frontier) {
                svg.append(String.format(Locale.ROOT, "%.2f,%.2f ", x.map(p.volatility()), y.map(p.expectedReturn())));
            }
            svg.setLength(svg.length() - 1);
            svg.append("\"/>\n");
        }
        for (ParetoPoint p : pareto) {
            double c = colourBy.value.applyAsDouble(p);
            double t = maxC > minC ? (c - minC) / (maxC - minC) : 0.5;
            svg.append(String.format(Locale.ROOT, "<circle class=\"pareto\" cx=\"%.2f\" cy=\"%.2f\" r=\"4\" fill=\"%s\">"
                    + "<title>return %.4f, volatility %.4f, CVaR %.4f, turnover %.4f</title></circle>%n",
                    x.map(p.volatility()), y.map(p.expectedReturn()), colour(t), p.expectedReturn(), p.volatility(),
                    p.cvar(), p.turnover()));
        }
        if (!pareto.isEmpty()) {
            colourScale(svg, colourBy.label, minC, maxC);
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** Writes {@link #svg} to {@code file} in UTF-8. */
    public static void write(Path file, List<OptimalPortfolio> frontier, List<ParetoPoint> pareto, ColourBy colourBy)
            throws IOException {
        Files.writeString(file, svg(frontier, pareto, colourBy), StandardCharsets.UTF_8);
    }

    private static void axes(StringBuilder svg, Axis x, Axis y) {
        int bottom = HEIGHT - BOTTOM;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                LEFT, bottom, WIDTH - RIGHT, bottom));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                LEFT, TOP, LEFT, bottom));
        for (int k = 0; k <= 4; k++) {
            double vx = x.low + (x.high - x.low) * k / 4;
            double vy = y.low + (y.high - y.low) * k / 4;
            svg.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%d\" text-anchor=\"middle\">%.1f%%</text>%n",
                    x.map(vx), bottom + 16, vx * 100));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.2f\" text-anchor=\"end\">%.1f%%</text>%n",
                    LEFT - 6, y.map(vy) + 4, vy * 100));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">volatility</text>%n",
                (LEFT + WIDTH - RIGHT) / 2, HEIGHT - 12));
        svg.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%d\" text-anchor=\"middle\" "
                + "transform=\"rotate(-90 16 %d)\">expected return</text>%n", (TOP + bottom) / 2, (TOP + bottom) / 2));
    }

    private static void colourScale(StringBuilder svg, String label, double min, double max) {
        int x = WIDTH - RIGHT + 30;
        int height = HEIGHT - TOP - BOTTOM;
        int steps = 20;
        for (int k = 0; k < steps; k++) {
            double t = 1 - (k + 0.5) / steps;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.2f\" width=\"14\" height=\"%.2f\" fill=\"%s\"/>%n",
                    x, TOP + (double) height * k / steps, (double) height / steps + 0.5, colour(t)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", x - 10, TOP - 10, label));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%.4f</text>%n", x + 18, TOP + 8, max));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%.4f</text>%n", x + 18, TOP + height, min));
    }

    /** Blue (t = 0) to red (t = 1). */
    static String colour(double t) {
        int red = (int) Math.round(40 + 200 * t);
        int blue = (int) Math.round(240 - 200 * t);
        return String.format(Locale.ROOT, "#%02x%02x%02x", red, 60, blue);
    }

    private record Axis(double low, double high, double from, double to) {

        Axis {
            if (high - low < 1e-12) {
                double pad = Math.max(Math.abs(low) * 0.05, 1e-4);
                low -= pad;
                high += pad;
            } else {
                double pad = (high - low) * 0.05;
                low -= pad;
                high += pad;
            }
        }

        double map(double v) {
            return from + (v - low) / (high - low) * (to - from);
        }
    }
}
