package io.amcp.ai.models.internal;

import java.util.List;
import java.util.Locale;

/** Minimal inline SVG charts for model cards (no scripts, no external resources). */
public final class Svg {

    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd"};
    private static final int WIDTH = 640;
    private static final int HEIGHT = 260;
    private static final int PAD = 44;

    private Svg() {
    }

    /** A line chart of several series over shared x values, with a legend. */
    public static String lines(String title, double[] x, List<double[]> series, List<String> names) {
        double xMin = min(x);
        double xMax = max(x);
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (double[] s : series) {
            yMin = Math.min(yMin, min(s));
            yMax = Math.max(yMax, max(s));
        }
        if (yMax == yMin) {
            yMax = yMin + 1;
        }
        if (xMax == xMin) {
            xMax = xMin + 1;
        }
        StringBuilder out = header(title);
        axis(out, yMin, yMax);
        for (int s = 0; s < series.size(); s++) {
            double[] y = series.get(s);
            out.append("<polyline fill=\"none\" stroke-width=\"1.5\" stroke=\"").append(COLOURS[s % COLOURS.length])
                    .append("\" points=\"");
            for (int i = 0; i < y.length; i++) {
                double px = PAD + (x[i] - xMin) / (xMax - xMin) * (WIDTH - 2 * PAD);
                double py = HEIGHT - PAD - (y[i] - yMin) / (yMax - yMin) * (HEIGHT - 2 * PAD);
                out.append(fmt(px)).append(',').append(fmt(py)).append(' ');
            }
            out.append("\"/>\n");
            out.append("<text x=\"").append(PAD + 10 + 150 * s).append("\" y=\"").append(HEIGHT - 12)
                    .append("\" font-size=\"12\" fill=\"").append(COLOURS[s % COLOURS.length]).append("\">")
                    .append(escape(names.get(s))).append("</text>\n");
        }
        return out.append("</svg>\n").toString();
    }

    /** Horizontal bars, largest first as given. */
    public static String bars(String title, List<String> labels, double[] values) {
        int rowHeight = 18;
        int height = 40 + rowHeight * labels.size();
        double top = Math.max(1e-12, max(values));
        StringBuilder out = new StringBuilder();
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" role=\"img\"><title>").append(escape(title)).append("</title>\n");
        out.append("<text x=\"4\" y=\"16\" font-size=\"13\">").append(escape(title)).append("</text>\n");
        for (int i = 0; i < labels.size(); i++) {
            int y = 28 + i * rowHeight;
            double w = values[i] / top * (WIDTH - 260);
            out.append("<text x=\"4\" y=\"").append(y + 12).append("\" font-size=\"11\">").append(escape(labels.get(i)))
                    .append("</text>");
            out.append("<rect x=\"190\" y=\"").append(y).append("\" width=\"").append(fmt(w))
                    .append("\" height=\"14\" fill=\"#1f77b4\"/>");
            out.append("<text x=\"").append(fmt(195 + w)).append("\" y=\"").append(y + 12).append("\" font-size=\"11\">")
                    .append(String.format(Locale.ROOT, "%.3f", values[i])).append("</text>\n");
        }
        return out.append("</svg>\n").toString();
    }

    /** A confusion matrix as a shaded grid: rows actual, columns predicted. */
    public static String confusion(String title, int[][] counts, List<String> classNames) {
        int k = counts.length;
        int cell = 70;
        int left = 110;
        int topMargin = 50;
        int max = 1;
        for (int[] row : counts) {
            for (int c : row) {
                max = Math.max(max, c);
            }
        }
        StringBuilder out = new StringBuilder();
        int width = left + cell * k + 10;
        int height = topMargin + cell * k + 10;
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" role=\"img\"><title>").append(escape(title)).append("</title>\n");
        out.append("<text x=\"4\" y=\"16\" font-size=\"13\">").append(escape(title))
                .append(" (rows actual, columns predicted)</text>\n");
        for (int j = 0; j < k; j++) {
            out.append("<text x=\"").append(left + j * cell + 8).append("\" y=\"").append(topMargin - 6)
                    .append("\" font-size=\"11\">").append(escape(classNames.get(j))).append("</text>");
        }
        for (int i = 0; i < k; i++) {
            out.append("<text x=\"4\" y=\"").append(topMargin + i * cell + cell / 2).append("\" font-size=\"11\">")
                    .append(escape(classNames.get(i))).append("</text>");
            for (int j = 0; j < k; j++) {
                double shade = (double) counts[i][j] / max;
                int level = (int) Math.round(255 - 180 * shade);
                out.append("<rect x=\"").append(left + j * cell).append("\" y=\"").append(topMargin + i * cell)
                        .append("\" width=\"").append(cell - 2).append("\" height=\"").append(cell - 2)
                        .append("\" fill=\"rgb(").append(level).append(',').append(level).append(",255)\"/>");
                out.append("<text x=\"").append(left + j * cell + cell / 2 - 10).append("\" y=\"")
                        .append(topMargin + i * cell + cell / 2 + 4).append("\" font-size=\"13\">").append(counts[i][j])
                        .append("</text>\n");
            }
        }
        return out.append("</svg>\n").toString();
    }

    private static StringBuilder header(String title) {
        StringBuilder out = new StringBuilder();
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" role=\"img\"><title>").append(escape(title)).append("</title>\n");
        out.append("<text x=\"4\" y=\"16\" font-size=\"13\">").append(escape(title)).append("</text>\n");
        return out;
    }

    private static void axis(StringBuilder out, double yMin, double yMax) {
        out.append("<line x1=\"").append(PAD).append("\" y1=\"").append(HEIGHT - PAD).append("\" x2=\"")
                .append(WIDTH - PAD).append("\" y2=\"").append(HEIGHT - PAD).append("\" stroke=\"#999\"/>\n");
        out.append("<line x1=\"").append(PAD).append("\" y1=\"").append(PAD).append("\" x2=\"").append(PAD)
                .append("\" y2=\"").append(HEIGHT - PAD).append("\" stroke=\"#999\"/>\n");
        out.append("<text x=\"2\" y=\"").append(PAD + 4).append("\" font-size=\"10\">")
                .append(String.format(Locale.ROOT, "%.3g", yMax)).append("</text>\n");
        out.append("<text x=\"2\" y=\"").append(HEIGHT - PAD).append("\" font-size=\"10\">")
                .append(String.format(Locale.ROOT, "%.3g", yMin)).append("</text>\n");
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double d : v) {
            m = Math.min(m, d);
        }
        return m;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            m = Math.max(m, d);
        }
        return m;
    }
}
