package io.amcp.execution;

import io.amcp.api.model.BarSeries;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.FixedPoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A self-contained HTML TCA report: per-strategy, per-algorithm and per-venue (best execution)
 * tables, one row per parent, and for each parent two inline SVG charts: cumulative executed
 * against the planned schedule, and the children's fill prices against the market's running VWAP.
 */
public final class TcaReport {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 220;
    private static final int PAD = 40;

    private TcaReport() {
    }

    /**
     * @param results TCA of each parent
     * @param plans   planned schedule per parent id (parents without one get no planned line)
     * @param market  the instrument's bars (for the running market VWAP); may be null
     */
    public static String html(List<TcaResult> results, Map<ClientOrderId, ExecutionSchedule> plans, BarSeries market) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Transaction cost analysis</title>")
                .append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:1.5em}")
                .append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}th{background:#eee}")
                .append("</style></head><body><h1>Transaction cost analysis</h1>")
                .append("<p>Costs in basis points, positive = worse than the benchmark for the order's side. ")
                .append("Impact: square-root law, Y = ").append(TransactionCostAnalysis.IMPACT_COEFFICIENT).append(".</p>");
        h.append("<h2>Parents</h2><table><tr><th>parent</th><th>strategy</th><th>algorithm</th><th>side</th><th>qty</th>")
                .append("<th>filled</th><th>state</th><th>avg price</th><th>arrival</th><th>market VWAP</th>")
                .append("<th>IS bps</th><th>vs VWAP bps</th><th>impact est. bps</th><th>fees</th><th>fees bps</th></tr>");
        for (TcaResult r : results) {
            h.append("<tr><td>").append(escape(r.parent().id().value())).append("</td><td>").append(escape(r.owner().value()))
                    .append("</td><td>").append(escape(r.parent().algorithm())).append("</td><td>").append(r.parent().side())
                    .append("</td><td>").append(r.parent().quantity()).append("</td><td>").append(r.filled())
                    .append("</td><td>").append(escape(r.state())).append("</td><td>").append(text(r.averagePrice()))
                    .append("</td><td>").append(text(r.arrivalPrice())).append("</td><td>").append(text(r.marketVwap()))
                    .append("</td><td>").append(num(r.shortfallBps())).append("</td><td>").append(num(r.vwapSlippageBps()))
                    .append("</td><td>").append(num(r.impactBps())).append("</td><td>").append(r.fees())
                    .append("</td><td>").append(num(r.feesBps())).append("</td></tr>");
        }
        h.append("</table>");
        summaryTable(h, "By strategy", TransactionCostAnalysis.byStrategy(results));
        summaryTable(h, "By algorithm", TransactionCostAnalysis.byAlgorithm(results));
        h.append("<h2>Best execution by venue</h2><table><tr><th>venue</th><th>fills</th><th>quantity</th><th>notional</th>")
                .append("<th>vs VWAP bps</th><th>fees bps</th></tr>");
        TransactionCostAnalysis.byVenue(results).values().forEach(v -> h.append("<tr><td>").append(escape(v.venue()))
                .append("</td><td>").append(v.fills()).append("</td><td>").append(num(v.quantity())).append("</td><td>")
                .append(num(v.notional())).append("</td><td>").append(num(v.vwapSlippageBps())).append("</td><td>")
                .append(num(v.feesBps())).append("</td></tr>"));
        h.append("</table>");
        for (TcaResult r : results) {
            charts(h, r, plans.get(r.parent().id()), market);
        }
        return h.append("</body></html>").toString();
    }

    /** Writes {@link #html} to {@code file}, creating its directory. */
    public static void write(Path file, List<TcaResult> results, Map<ClientOrderId, ExecutionSchedule> plans,
            BarSeries market) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, html(results, plans, market), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the TCA report " + file + ": " + e.getMessage(), e);
        }
    }

    private static void summaryTable(StringBuilder h, String title, Map<String, TransactionCostAnalysis.TcaSummary> rows) {
        h.append("<h2>").append(title).append("</h2><table><tr><th></th><th>parents</th><th>notional</th>")
                .append("<th>IS bps</th><th>vs VWAP bps</th><th>fees bps</th></tr>");
        rows.values().forEach(s -> h.append("<tr><td>").append(escape(s.key())).append("</td><td>").append(s.parents())
                .append("</td><td>").append(num(s.notional())).append("</td><td>").append(num(s.shortfallBps()))
                .append("</td><td>").append(num(s.vwapSlippageBps())).append("</td><td>").append(num(s.feesBps()))
                .append("</td></tr>"));
        h.append("</table>");
    }

    private static void charts(StringBuilder h, TcaResult r, ExecutionSchedule plan, BarSeries market) {
        if (r.fills().isEmpty()) {
            return;
        }
        long from = r.parent().startTime() > 0 ? r.parent().startTime() : r.fills().get(0).time();
        long to = Math.max(r.parent().endTime(), r.fills().get(r.fills().size() - 1).time());
        h.append("<h2>").append(escape(r.parent().id().value())).append(": ")
                .append(Instant.ofEpochSecond(from / 1_000_000_000L)).append(" to ")
                .append(Instant.ofEpochSecond(to / 1_000_000_000L)).append("</h2>");
        double total = r.parent().quantity().toDouble();
        List<double[]> executed = new ArrayList<>();
        executed.add(new double[] {from, 0});
        double done = 0;
        for (ChildFill f : r.fills()) {
            executed.add(new double[] {f.time(), done / total});
            done += f.quantity().toDouble();
            executed.add(new double[] {f.time(), done / total});
        }
        executed.add(new double[] {to, done / total});
        List<double[]> planned = new ArrayList<>();
        if (plan != null) {
            for (int i = 0; i <= 200; i++) {
                long t = from + (long) ((to - from) * (i / 200.0));
                planned.add(new double[] {t, plan.plannedFraction(t)});
            }
        }
        h.append("<p>Cumulative executed (blue) against the planned schedule (grey), fraction of the parent</p>");
        svg(h, from, to, 0, 1, List.of(planned, executed), List.of("#999", "#1f5fbf"), List.of());

        List<double[]> vwap = new ArrayList<>();
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        if (market != null) {
            double pv = 0;
            double v = 0;
            long[] time = market.time();
            for (int i = 0; i < time.length; i++) {
                if (time[i] > from && time[i] <= to && market.volume()[i] > 0) {
                    double typical = FixedPoint.toDouble(market.high()[i] + market.low()[i] + market.close()[i]) / 3;
                    double vol = FixedPoint.toDouble(market.volume()[i]);
                    pv += typical * vol;
                    v += vol;
                    vwap.add(new double[] {time[i], pv / v});
                    lo = Math.min(lo, pv / v);
                    hi = Math.max(hi, pv / v);
                }
            }
        }
        List<double[]> prices = new ArrayList<>();
        for (ChildFill f : r.fills()) {
            double p = f.price().toDouble();
            prices.add(new double[] {f.time(), p});
            lo = Math.min(lo, p);
            hi = Math.max(hi, p);
        }
        h.append("<p>Child fill prices (dots) against the market's running VWAP since the start (line)</p>");
        double margin = Math.max((hi - lo) * 0.05, hi * 1e-4);
        svg(h, from, to, lo - margin, hi + margin, List.of(vwap), List.of("#c0392b"), prices);
    }

    private static void svg(StringBuilder h, double x0, double x1, double y0, double y1, List<List<double[]>> lines,
            List<String> colours, List<double[]> dots) {
        h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\"><rect x=\"").append(PAD).append("\" y=\"5\" width=\"").append(WIDTH - PAD - 5)
                .append("\" height=\"").append(HEIGHT - PAD).append("\" fill=\"none\" stroke=\"#ccc\"/>")
                .append("<text x=\"2\" y=\"15\" font-size=\"10\">").append(num(y1)).append("</text>")
                .append("<text x=\"2\" y=\"").append(HEIGHT - PAD + 5).append("\" font-size=\"10\">").append(num(y0)).append("</text>");
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isEmpty()) {
                continue;
            }
            h.append("<polyline fill=\"none\" stroke=\"").append(colours.get(i)).append("\" points=\"");
            for (double[] p : lines.get(i)) {
                h.append(x(p[0], x0, x1)).append(',').append(y(p[1], y0, y1)).append(' ');
            }
            h.append("\"/>");
        }
        for (double[] p : dots) {
            h.append("<circle r=\"2\" fill=\"#1f5fbf\" cx=\"").append(x(p[0], x0, x1)).append("\" cy=\"")
                    .append(y(p[1], y0, y1)).append("\"/>");
        }
        h.append("</svg>");
    }

    private static String x(double v, double x0, double x1) {
        double f = x1 == x0 ? 0 : (v - x0) / (x1 - x0);
        return String.format(Locale.ROOT, "%.1f", PAD + f * (WIDTH - PAD - 5));
    }

    private static String y(double v, double y0, double y1) {
        double f = y1 == y0 ? 0 : (v - y0) / (y1 - y0);
        return String.format(Locale.ROOT, "%.1f", 5 + (1 - f) * (HEIGHT - PAD));
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String text(Object v) {
        return v == null ? "n/a" : v.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
