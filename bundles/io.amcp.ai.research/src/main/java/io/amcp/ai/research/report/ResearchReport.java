package io.amcp.ai.research.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The report of one research study: what was compared, the out-of-sample verdict against the
 * baseline stated in words, a table of figures, a line chart (inline SVG) and a JSON summary.
 * {@link #write(Path)} writes {@code <id>.html} and {@code <id>.json}.
 */
public final class ResearchReport {

    /** One named line of the chart. */
    public record Line(String name, double[] values) {
        public Line {
            Objects.requireNonNull(name, "name");
            values = values.clone();
        }
    }

    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"};

    private final String id;
    private final String title;
    private final String method;
    private final String baseline;
    private final boolean beatBaseline;
    private final String verdictDetail;
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final List<Line> lines = new ArrayList<>();
    private String chartTitle = "";

    private ResearchReport(String id, String title, String method, String baseline, boolean beatBaseline,
            String verdictDetail) {
        this.id = id;
        this.title = title;
        this.method = method;
        this.baseline = baseline;
        this.beatBaseline = beatBaseline;
        this.verdictDetail = verdictDetail;
    }

    /**
     * A report.
     *
     * @param id            file name stem, letters, digits and dashes
     * @param title         heading
     * @param method        the algorithm and the data, in a sentence or two
     * @param baseline      what it was compared with
     * @param beatBaseline  whether it beat the baseline out of sample
     * @param verdictDetail the measured numbers behind the verdict
     * @throws IllegalArgumentException naming {@code id} when it has other characters
     */
    public static ResearchReport of(String id, String title, String method, String baseline, boolean beatBaseline,
            String verdictDetail) {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("id: lower-case letters, digits and dashes only, was '" + id + "'");
        }
        return new ResearchReport(id, Objects.requireNonNull(title, "title"), Objects.requireNonNull(method, "method"),
                Objects.requireNonNull(baseline, "baseline"), beatBaseline,
                Objects.requireNonNull(verdictDetail, "verdictDetail"));
    }

    /** Adds a figure (a number, text, boolean or a list of numbers) to the table and the JSON. */
    public ResearchReport figure(String name, Object value) {
        figures.put(Objects.requireNonNull(name, "name"), value);
        return this;
    }

    /** Sets the chart title. */
    public ResearchReport chart(String value) {
        chartTitle = Objects.requireNonNull(value, "chart");
        return this;
    }

    /** Adds a line to the chart (the x axis is the index). */
    public ResearchReport line(String name, double[] values) {
        lines.add(new Line(name, values));
        return this;
    }

    public String id() {
        return id;
    }

    public boolean beatBaseline() {
        return beatBaseline;
    }

    /** The plain-words verdict: "beat the baseline" or "did not beat the baseline", with the numbers. */
    public String verdict() {
        return (beatBaseline ? "Beat the baseline (" : "Did not beat the baseline (") + baseline + "): " + verdictDetail;
    }

    /** The figures, in insertion order. */
    public Map<String, Object> figures() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }

    /** Writes {@code <id>.html} and {@code <id>.json} into {@code dir} (created if missing). */
    public void write(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(id + ".html"), html(), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(id + ".json"), json(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write report " + id + " to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The JSON summary. */
    public String json() {
        StringBuilder b = new StringBuilder("{\n");
        b.append("  \"id\": ").append(quote(id)).append(",\n");
        b.append("  \"title\": ").append(quote(title)).append(",\n");
        b.append("  \"method\": ").append(quote(method)).append(",\n");
        b.append("  \"baseline\": ").append(quote(baseline)).append(",\n");
        b.append("  \"beatBaseline\": ").append(beatBaseline).append(",\n");
        b.append("  \"verdict\": ").append(quote(verdict())).append(",\n");
        b.append("  \"figures\": {");
        boolean first = true;
        for (Map.Entry<String, Object> e : figures.entrySet()) {
            b.append(first ? "\n" : ",\n").append("    ").append(quote(e.getKey())).append(": ").append(value(e.getValue()));
            first = false;
        }
        b.append("\n  }\n}\n");
        return b.toString();
    }

    /** The HTML page with the inline SVG chart. */
    public String html() {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(escape(title))
                .append("</title><style>body{font-family:sans-serif;max-width:960px;margin:2em auto}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}"
                        + ".beat{color:#1a7f37}.miss{color:#b42318}</style></head><body>\n");
        b.append("<h1>").append(escape(title)).append("</h1>\n");
        b.append("<p class=\"").append(beatBaseline ? "beat" : "miss").append("\"><strong>").append(escape(verdict()))
                .append("</strong></p>\n");
        b.append("<p>").append(escape(method)).append("</p>\n<table><tr><th>Figure</th><th>Value</th></tr>\n");
        figures.forEach((k, v) -> b.append("<tr><td>").append(escape(k)).append("</td><td>").append(escape(text(v)))
                .append("</td></tr>\n"));
        b.append("</table>\n");
        if (!lines.isEmpty()) {
            b.append("<h2>").append(escape(chartTitle)).append("</h2>\n").append(svg());
        }
        b.append("</body></html>\n");
        return b.toString();
    }

    private String svg() {
        int width = 900;
        int height = 360;
        int pad = 50;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int longest = 1;
        for (Line line : lines) {
            for (double v : line.values()) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            longest = Math.max(longest, line.values().length);
        }
        if (!(max > min)) {
            max = min + 1;
        }
        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        b.append(String.format(Locale.ROOT, "<text x=\"5\" y=\"%d\" font-size=\"11\">%s</text>%n", pad, number(max)));
        b.append(String.format(Locale.ROOT, "<text x=\"5\" y=\"%d\" font-size=\"11\">%s</text>%n", height - pad,
                number(min)));
        b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>%n", pad,
                height - pad, width - 10, height - pad));
        for (int l = 0; l < lines.size(); l++) {
            Line line = lines.get(l);
            String colour = COLOURS[l % COLOURS.length];
            StringBuilder points = new StringBuilder();
            double[] v = line.values();
            for (int i = 0; i < v.length; i++) {
                if (!Double.isFinite(v[i])) {
                    continue;
                }
                double x = pad + (width - pad - 10) * (longest == 1 ? 0 : (double) i / (longest - 1));
                double y = height - pad - (height - 2 * pad) * (v[i] - min) / (max - min);
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            b.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"1.5\" points=\"")
                    .append(points.toString().trim()).append("\"/>\n");
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"%s\">%s</text>%n",
                    pad + 10, 15 + 14 * l, colour, escape(line.name())));
        }
        b.append("</svg>\n");
        return b.toString();
    }

    private static String text(Object v) {
        if (v instanceof Double d) {
            return number(d);
        }
        if (v instanceof double[] a) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < a.length; i++) {
                b.append(i == 0 ? "" : ", ").append(number(a[i]));
            }
            return b.toString();
        }
        return String.valueOf(v);
    }

    private static String value(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Double d) {
            return Double.isFinite(d) ? Double.toString(d) : "null";
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        if (v instanceof double[] a) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < a.length; i++) {
                b.append(i == 0 ? "" : ", ").append(Double.isFinite(a[i]) ? Double.toString(a[i]) : "null");
            }
            return b.append(']').toString();
        }
        return quote(v.toString());
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
