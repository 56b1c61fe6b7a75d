package io.amcp.options.strategy;

import io.amcp.options.internal.Checks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A minimal SVG line chart of a payoff diagram: profit against the underlying price at the horizon,
 * with the zero line, axis labels at the ends and a dashed mark at each breakeven. No dependencies.
 */
public final class PayoffChart {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 400;
    private static final int PAD = 50;

    private PayoffChart() {
    }

    /** The SVG document as text. */
    public static String svg(PayoffCurve curve, String title, List<Double> breakevens) {
        Checks.present("curve", curve);
        double[] x = curve.prices();
        double[] y = curve.profits();
        double xMin = x[0];
        double xMax = x[x.length - 1];
        double yMin = 0;
        double yMax = 0;
        for (double v : y) {
            yMin = Math.min(yMin, v);
            yMax = Math.max(yMax, v);
        }
        if (yMax - yMin < 1e-12) {
            yMax = yMin + 1;
        }
        double pad = 0.05 * (yMax - yMin);
        yMin -= pad;
        yMax += pad;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">%n",
                WIDTH, HEIGHT, WIDTH, HEIGHT));
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" font-family=\"sans-serif\" font-size=\"16\">%s</text>%n", PAD,
                escape(title == null ? "" : title)));
        double zeroY = py(0, yMin, yMax);
        sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.2f\" x2=\"%d\" y2=\"%.2f\" stroke=\"#888\"/>%n", PAD, zeroY,
                WIDTH - PAD, zeroY));
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#ccc\"/>%n",
                PAD, PAD, WIDTH - 2 * PAD, HEIGHT - 2 * PAD));
        if (breakevens != null) {
            for (double b : breakevens) {
                if (b >= xMin && b <= xMax) {
                    double bx = px(b, xMin, xMax);
                    sb.append(String.format(Locale.ROOT,
                            "<line class=\"breakeven\" x1=\"%.2f\" y1=\"%d\" x2=\"%.2f\" y2=\"%d\" stroke=\"#d62728\" stroke-dasharray=\"4 4\"/>%n",
                            bx, PAD, bx, HEIGHT - PAD));
                }
            }
        }
        sb.append("<polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\" points=\"");
        for (int i = 0; i < x.length; i++) {
            sb.append(String.format(Locale.ROOT, "%s%.2f,%.2f", i == 0 ? "" : " ", px(x[i], xMin, xMax), py(y[i], yMin, yMax)));
        }
        sb.append("\"/>\n");
        label(sb, PAD, HEIGHT - PAD + 18, "start", fmt(xMin));
        label(sb, WIDTH - PAD, HEIGHT - PAD + 18, "end", fmt(xMax));
        label(sb, PAD - 6, PAD + 4, "end", fmt(yMax));
        label(sb, PAD - 6, HEIGHT - PAD, "end", fmt(yMin));
        label(sb, PAD - 6, zeroY + 4, "end", "0");
        label(sb, WIDTH / 2.0, HEIGHT - 12, "middle", "underlying price at expiry");
        sb.append("</svg>\n");
        return sb.toString();
    }

    /** Writes the SVG document to {@code file}. */
    public static void write(Path file, PayoffCurve curve, String title, List<Double> breakevens) {
        Checks.present("file", file);
        try {
            Files.writeString(file, svg(curve, title, breakevens), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("file: cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static double px(double x, double min, double max) {
        return PAD + (x - min) / (max - min) * (WIDTH - 2 * PAD);
    }

    private static double py(double y, double min, double max) {
        return HEIGHT - PAD - (y - min) / (max - min) * (HEIGHT - 2 * PAD);
    }

    private static void label(StringBuilder sb, double x, double y, String anchor, String text) {
        sb.append(String.format(Locale.ROOT,
                "<text x=\"%.2f\" y=\"%.2f\" text-anchor=\"%s\" font-family=\"sans-serif\" font-size=\"11\">%s</text>%n", x, y, anchor,
                escape(text)));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
