package io.amcp.execution;

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
import java.util.TreeMap;

/**
 * The best-execution review across venues, as a self-contained HTML page: for each venue, what it
 * executed, its prices against the market VWAP of the parents its fills belonged to, its fees, its
 * all-in cost (price plus fees, bps of notional, cost-positive), and how the router used it (orders
 * sent, fail-overs away from it); the same per algorithm and venue; an inline SVG bar chart of the
 * all-in cost per venue.
 */
public final class BestExecutionReport {

    /**
     * How the router used one venue.
     *
     * @param venue     broker connector id
     * @param orders    client order ids sent to it
     * @param failovers orders sent elsewhere because it was down or refused the connection
     */
    public record VenueRouting(String venue, long orders, long failovers) {

        public VenueRouting {
            Objects.requireNonNull(venue, "venue");
        }
    }

    /**
     * One venue's line.
     *
     * @param venue           broker connector id
     * @param executions      fills
     * @param notional        executed notional
     * @param notionalShare   share of all venues' notional (0..1)
     * @param vwapSlippageBps notional-weighted price against the parents' market VWAP
     * @param feesBps         fees over notional
     * @param allInBps        {@code vwapSlippageBps + feesBps}
     * @param orders          orders the router sent it (-1 when unknown)
     * @param failovers       fail-overs away from it (-1 when unknown)
     */
    public record VenueLine(String venue, int executions, double notional, double notionalShare, double vwapSlippageBps,
            double feesBps, double allInBps, long orders, long failovers) {
    }

    private BestExecutionReport() {
    }

    /** The venue lines, by venue id; venues the router used without a fill get a line with zeros. */
    public static List<VenueLine> lines(List<TcaResult> results, List<VenueRouting> routing) {
        Map<String, TransactionCostAnalysis.VenueSummary> venues = TransactionCostAnalysis.byVenue(results);
        Map<String, VenueRouting> used = new TreeMap<>();
        routing.forEach(r -> used.put(r.venue(), r));
        double total = venues.values().stream().mapToDouble(TransactionCostAnalysis.VenueSummary::notional).sum();
        Map<String, VenueLine> out = new TreeMap<>();
        venues.forEach((id, v) -> {
            VenueRouting r = used.get(id);
            out.put(id, new VenueLine(id, v.fills(), v.notional(), total == 0 ? 0 : v.notional() / total, v.vwapSlippageBps(),
                    v.feesBps(), v.vwapSlippageBps() + v.feesBps(), r == null ? -1 : r.orders(), r == null ? -1 : r.failovers()));
        });
        used.forEach((id, r) -> out.putIfAbsent(id, new VenueLine(id, 0, 0, 0, 0, 0, 0, r.orders(), r.failovers())));
        return List.copyOf(out.values());
    }

    /** The page. */
    public static String html(List<TcaResult> results, List<VenueRouting> routing) {
        List<VenueLine> lines = lines(results, routing);
        StringBuilder h = new StringBuilder(8_192);
        h.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Best execution across venues</title>")
                .append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:1.5em}")
                .append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}th{background:#eee}</style></head><body>")
                .append("<h1>Best execution across venues</h1><p>").append(results.size())
                .append(" parent orders. Costs in basis points of executed notional, positive = worse than the market VWAP ")
                .append("over the parent's life for the order's side; all-in = price + fees.</p>")
                .append("<h2>Venues</h2><table><tr><th>venue</th><th>executions</th><th>notional</th><th>share</th>")
                .append("<th>vs VWAP bps</th><th>fees bps</th><th>all-in bps</th><th>orders routed</th><th>fail-overs</th></tr>");
        for (VenueLine l : lines) {
            h.append("<tr><td>").append(escape(l.venue())).append("</td><td>").append(l.executions()).append("</td><td>")
                    .append(num(l.notional())).append("</td><td>").append(num(l.notionalShare() * 100)).append("%</td><td>")
                    .append(num(l.vwapSlippageBps())).append("</td><td>").append(num(l.feesBps())).append("</td><td>")
                    .append(num(l.allInBps())).append("</td><td>").append(count(l.orders())).append("</td><td>")
                    .append(count(l.failovers())).append("</td></tr>");
        }
        h.append("</table><h2>By algorithm and venue</h2><table><tr><th>algorithm</th><th>venue</th><th>executions</th>")
                .append("<th>notional</th><th>vs VWAP bps</th><th>fees bps</th></tr>");
        Map<String, List<TcaResult>> byAlgorithm = new TreeMap<>();
        results.forEach(r -> byAlgorithm.computeIfAbsent(r.parent().algorithm(), k -> new ArrayList<>()).add(r));
        byAlgorithm.forEach((algorithm, list) -> TransactionCostAnalysis.byVenue(list).values().forEach(v -> h.append("<tr><td>")
                .append(escape(algorithm)).append("</td><td>").append(escape(v.venue())).append("</td><td>").append(v.fills())
                .append("</td><td>").append(num(v.notional())).append("</td><td>").append(num(v.vwapSlippageBps()))
                .append("</td><td>").append(num(v.feesBps())).append("</td></tr>")));
        h.append("</table><h2>All-in cost per venue (bps)</h2>");
        chart(h, lines);
        return h.append("</body></html>").toString();
    }

    /** Writes {@link #html} to {@code file}, creating its directory. */
    public static void write(Path file, List<TcaResult> results, List<VenueRouting> routing) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, html(results, routing), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the best-execution report " + file + ": " + e.getMessage(), e);
        }
    }

    private static void chart(StringBuilder h, List<VenueLine> lines) {
        Map<String, Double> bars = new LinkedHashMap<>();
        lines.stream().filter(l -> l.executions() > 0).forEach(l -> bars.put(l.venue(), l.allInBps()));
        double max = bars.values().stream().mapToDouble(Math::abs).max().orElse(0);
        double scale = max == 0 ? 0 : 300 / max;
        int height = 24 * bars.size() + 10;
        h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"560\" height=\"").append(height).append("\">");
        int y = 5;
        for (Map.Entry<String, Double> b : bars.entrySet()) {
            double w = Math.abs(b.getValue()) * scale;
            double x = b.getValue() >= 0 ? 180 : 180 - w;
            h.append("<text x=\"0\" y=\"").append(y + 14).append("\" font-size=\"12\">").append(escape(b.getKey()))
                    .append("</text><rect x=\"").append(num(x)).append("\" y=\"").append(y).append("\" width=\"").append(num(w))
                    .append("\" height=\"18\" fill=\"").append(b.getValue() >= 0 ? "#c0392b" : "#27ae60").append("\"/>")
                    .append("<text x=\"").append(num(180 + Math.max(w, 0) + 4)).append("\" y=\"").append(y + 14)
                    .append("\" font-size=\"12\">").append(num(b.getValue())).append("</text>");
            y += 24;
        }
        h.append("</svg>");
    }

    private static String count(long v) {
        return v < 0 ? "n/a" : Long.toString(v);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
