package io.amcp.backtest.report;

import io.amcp.api.model.Side;
import io.amcp.api.spi.Clock;
import io.amcp.backtest.metrics.EquityCurve;
import io.amcp.backtest.metrics.PerformanceMetrics;
import io.amcp.backtest.metrics.Trade;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Renders a {@link BacktestResult} as one self-contained HTML page: no scripts, fonts or images
 * are fetched; the charts are inline SVG. Sections (each an element with the given id):
 * {@code metrics} (headline table), {@code equity} (equity curve, with the benchmark rebased to
 * the initial equity when present), {@code drawdown}, {@code monthly-returns} (year x month
 * heatmap plus the year's compounded return) and {@code trades} (the first {@value #MAX_TRADE_ROWS}
 * trades, with a note when there are more). Dates and months are UTC.
 */
public final class TearSheet {

    /** Trades listed in full; beyond this the table ends with a note on how many were left out. */
    public static final int MAX_TRADE_ROWS = 2_000;

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final String[] MONTHS =
            {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    private static final String STRATEGY_COLOR = "#1f5fbf";
    private static final String BENCHMARK_COLOR = "#e08a00";
    private static final String DRAWDOWN_COLOR = "#c62828";

    private TearSheet() {
    }

    /** Writes the page to a UTF-8 file, replacing it. */
    public static void write(BacktestResult result, Path file) {
        try {
            Files.writeString(file, render(result), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write tear sheet to " + file, e);
        }
    }

    /** The page as text. */
    public static String render(BacktestResult result) {
        StringBuilder html = new StringBuilder(64_000);
        String title = result.strategy() + " on " + result.dataset();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Tear sheet: ").append(Html.escape(title)).append("</title>\n")
                .append("<style>").append(CSS).append("</style>\n</head>\n<body>\n<main>\n");
        header(result, html);
        metrics(result, html);
        equity(result, html);
        drawdown(result, html);
        monthlyReturns(result.equityCurve(), html);
        trades(result.trades(), html);
        html.append("<footer>AMCP backtest tear sheet. Returns are simple returns of sampled equity; "
                + "n/a marks a statistic that is undefined for this run (see PerformanceMetrics).</footer>\n");
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void header(BacktestResult r, StringBuilder html) {
        html.append("<header>\n<h1>").append(Html.escape(r.strategy())).append("</h1>\n<p class=\"sub\">Dataset <b>")
                .append(Html.escape(r.dataset())).append("</b> &middot; ")
                .append(DATE_TIME.format(r.start())).append(" to ").append(DATE_TIME.format(r.end()))
                .append(" UTC &middot; initial cash ").append(money(r.initialCash()))
                .append(" &middot; final equity ").append(money(r.finalEquity())).append("</p>\n</header>\n");
    }

    private static void metrics(BacktestResult r, StringBuilder html) {
        PerformanceMetrics m = r.metrics();
        html.append("<section id=\"metrics\">\n<h2>Performance</h2>\n<div class=\"cards\">\n");
        card(html, "Total return", percent(m.totalReturn()), m.totalReturn());
        card(html, "CAGR", percent(m.cagr()), m.cagr());
        card(html, "Sharpe", ratio(m.sharpe()), m.sharpe());
        card(html, "Max drawdown", percent(m.maxDrawdown()), m.maxDrawdown());
        html.append("</div>\n<table class=\"metrics\">\n<tbody>\n");
        String[][] rows = {
            {"Total return", percent(m.totalReturn()), "Annual volatility", percent(m.annualVolatility())},
            {"CAGR", percent(m.cagr()), "Sharpe ratio", ratio(m.sharpe())},
            {"Max drawdown", percent(m.maxDrawdown()), "Sortino ratio", ratio(m.sortino())},
            {"Longest drawdown", String.format(Locale.ROOT, "%.1f days (%d periods)", m.maxDrawdownDurationDays(),
                    m.maxDrawdownDurationPeriods()), "Calmar ratio", ratio(m.calmar())},
            {"Beta to benchmark", ratio(m.beta()), "Exposure", percent(m.exposure())},
            {"Trades (closed)", Integer.toString(m.tradeCount()), "Win rate", percent(m.winRate())},
            {"Profit factor", ratio(m.profitFactor()), "Turnover (per year)", m.turnover() == null ? "n/a"
                    : String.format(Locale.ROOT, "%.2fx", m.turnover())},
            {"Average win", money(m.averageWin()), "Average loss", money(m.averageLoss())},
            {"Initial cash", money(r.initialCash()), "Final equity", money(r.finalEquity())},
            {"Periods per year", trim(m.periodsPerYear()), "Samples",
                    Integer.toString(r.equityCurve().size())},
        };
        for (String[] row : rows) {
            html.append("<tr><th>").append(row[0]).append("</th><td>").append(row[1]).append("</td><th>")
                    .append(row[2]).append("</th><td>").append(row[3]).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    private static void card(StringBuilder html, String label, String value, Double signed) {
        String tone = signed == null || signed == 0 ? "" : signed > 0 ? " pos" : " neg";
        html.append("<div class=\"card\"><div class=\"label\">").append(label).append("</div><div class=\"value")
                .append(tone).append("\">").append(value).append("</div></div>\n");
    }

    private static void equity(BacktestResult r, StringBuilder html) {
        EquityCurve curve = r.equityCurve();
        double[] equity = curve.equity();
        SvgLineChart chart = new SvgLineChart(curve.times(), 380, "Equity", TearSheet::compact)
                .add(new SvgLineChart.Series(r.strategy(), STRATEGY_COLOR, equity, false));
        if (r.benchmark() != null) {
            double[] b = r.benchmark().values();
            double scale = equity[0] / b[0];
            double[] rebased = new double[b.length];
            for (int i = 0; i < b.length; i++) {
                rebased[i] = b[i] * scale;
            }
            chart.add(new SvgLineChart.Series(r.benchmark().name() + " (rebased)", BENCHMARK_COLOR, rebased, false));
        }
        html.append("<section id=\"equity\">\n<h2>Equity curve</h2>\n").append(chart.render("Equity curve"))
                .append("</section>\n");
    }

    private static void drawdown(BacktestResult r, StringBuilder html) {
        double[] equity = r.equityCurve().equity();
        double[] dd = new double[equity.length];
        double peak = equity[0];
        for (int i = 0; i < equity.length; i++) {
            peak = Math.max(peak, equity[i]);
            dd[i] = peak > 0 ? equity[i] / peak - 1 : 0;
        }
        SvgLineChart chart = new SvgLineChart(r.equityCurve().times(), 240, "Drawdown", TearSheet::axisPercent)
                .add(new SvgLineChart.Series("Drawdown", DRAWDOWN_COLOR, dd, true))
                .maxY(0);
        html.append("<section id=\"drawdown\">\n<h2>Drawdown</h2>\n").append(chart.render("Drawdown from peak"))
                .append("</section>\n");
    }

    /**
     * Month return = last equity of the month / last equity of the previous month - 1 (the first
     * month is measured from the first sample); the year column compounds the same way.
     */
    private static void monthlyReturns(EquityCurve curve, StringBuilder html) {
        long[] times = curve.times();
        double[] equity = curve.equity();
        TreeMap<Integer, double[]> byYear = new TreeMap<>();
        TreeMap<Integer, Double> yearReturn = new TreeMap<>();
        double monthBase = equity[0];
        double yearBase = equity[0];
        LocalDate previous = date(times[0]);
        for (int i = 1; i <= times.length; i++) {
            LocalDate d = i < times.length ? date(times[i]) : null;
            boolean monthEnds = d == null || d.getYear() != previous.getYear() || d.getMonth() != previous.getMonth();
            if (monthEnds) {
                double close = equity[i - 1];
                double[] months = byYear.computeIfAbsent(previous.getYear(), y -> emptyYear());
                months[previous.getMonthValue() - 1] = close / monthBase - 1;
                monthBase = close;
                if (d == null || d.getYear() != previous.getYear()) {
                    yearReturn.put(previous.getYear(), close / yearBase - 1);
                    yearBase = close;
                }
            }
            previous = d;
        }
        double scale = 0.005;
        for (double[] months : byYear.values()) {
            for (double v : months) {
                if (!Double.isNaN(v)) {
                    scale = Math.max(scale, Math.abs(v));
                }
            }
        }
        html.append("<section id=\"monthly-returns\">\n<h2>Monthly returns</h2>\n<table class=\"heatmap\">\n<thead><tr><th>Year</th>");
        for (String m : MONTHS) {
            html.append("<th>").append(m).append("</th>");
        }
        html.append("<th class=\"year\">Year</th></tr></thead>\n<tbody>\n");
        for (var entry : byYear.entrySet()) {
            html.append("<tr><th>").append(entry.getKey()).append("</th>");
            for (double v : entry.getValue()) {
                heatCell(html, v, scale, "");
            }
            heatCell(html, yearReturn.get(entry.getKey()), Math.max(scale, Math.abs(yearReturn.get(entry.getKey()))),
                    " year");
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    private static double[] emptyYear() {
        double[] months = new double[12];
        Arrays.fill(months, Double.NaN);
        return months;
    }

    private static void heatCell(StringBuilder html, double v, double scale, String cssClass) {
        if (Double.isNaN(v)) {
            html.append("<td class=\"empty").append(cssClass).append("\"></td>");
            return;
        }
        double a = Math.min(1, Math.abs(v) / scale);
        int[] base = v >= 0 ? new int[] {46, 160, 67} : new int[] {211, 47, 47};
        int red = (int) Math.round(255 + (base[0] - 255) * a * 0.85);
        int green = (int) Math.round(255 + (base[1] - 255) * a * 0.85);
        int blue = (int) Math.round(255 + (base[2] - 255) * a * 0.85);
        html.append(String.format(Locale.ROOT, "<td class=\"cell%s\" style=\"background:#%02x%02x%02x\">%s</td>",
                cssClass, red, green, blue, String.format(Locale.ROOT, "%.1f%%", Math.abs(v) < 0.0005 ? 0.0 : v * 100)));
    }

    private static void trades(List<Trade> trades, StringBuilder html) {
        html.append("<section id=\"trades\">\n<h2>Trades</h2>\n");
        if (trades.isEmpty()) {
            html.append("<p class=\"note\">No trades.</p>\n</section>\n");
            return;
        }
        html.append("<table class=\"trades\">\n<thead><tr><th>#</th><th>Symbol</th><th>Side</th><th>Quantity</th>"
                + "<th>Entry (UTC)</th><th>Entry price</th><th>Exit (UTC)</th><th>Exit price</th><th>PnL</th>"
                + "<th>Return</th></tr></thead>\n<tbody>\n");
        int rows = Math.min(trades.size(), MAX_TRADE_ROWS);
        for (int i = 0; i < rows; i++) {
            Trade t = trades.get(i);
            html.append("<tr><td>").append(i + 1).append("</td><td>").append(Html.escape(t.symbol())).append("</td><td>")
                    .append(t.side() == Side.BUY ? "Long" : "Short").append("</td><td>").append(quantity(t.quantity()))
                    .append("</td><td>").append(DATE_TIME.format(Clock.toInstant(t.entryTime()))).append("</td><td>")
                    .append(price(t.entryPrice())).append("</td>");
            if (t.isOpen()) {
                html.append("<td class=\"open\" colspan=\"4\">open at end of run</td></tr>\n");
                continue;
            }
            double ret = t.side().sign() * (t.exitPrice() / t.entryPrice() - 1);
            String tone = t.pnl() > 0 ? "pos" : t.pnl() < 0 ? "neg" : "";
            html.append("<td>").append(DATE_TIME.format(Clock.toInstant(t.exitTime()))).append("</td><td>")
                    .append(price(t.exitPrice())).append("</td><td class=\"").append(tone).append("\">")
                    .append(money(t.pnl())).append("</td><td class=\"").append(tone).append("\">")
                    .append(t.entryPrice() == 0 ? "n/a" : String.format(Locale.ROOT, "%+.2f%%", ret * 100))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        if (trades.size() > rows) {
            html.append("<p class=\"note\">Showing the first ").append(rows).append(" of ").append(trades.size())
                    .append(" trades; the JSON result lists all of them.</p>\n");
        }
        html.append("</section>\n");
    }

    private static LocalDate date(long nanos) {
        return Clock.toInstant(nanos).atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static String percent(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.2f%%", v * 100);
    }

    private static String ratio(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String money(Double v) {
        return v == null ? "n/a" : String.format(Locale.US, "%,.2f", v);
    }

    private static String price(double v) {
        return String.format(Locale.US, Math.abs(v) >= 1 ? "%,.2f" : "%.6f", v);
    }

    private static String quantity(double v) {
        return v == Math.rint(v) ? String.format(Locale.US, "%,d", (long) v) : String.format(Locale.ROOT, "%.8g", v);
    }

    /** Axis labels such as 950k, 1.2M. */
    private static String compact(double v) {
        double a = Math.abs(v);
        if (a >= 1e9) {
            return trim(v / 1e9) + "B";
        }
        if (a >= 1e6) {
            return trim(v / 1e6) + "M";
        }
        if (a >= 1e4) {
            return trim(v / 1e3) + "k";
        }
        return trim(v);
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.3f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String axisPercent(double v) {
        return trim(v * 100) + "%";
    }

    private static final String CSS = """
            :root{--ink:#1d2733;--muted:#5b6776;--line:#e3e7ec;--pos:#1b7f3b;--neg:#c62828}
            *{box-sizing:border-box}
            body{margin:0;background:#f4f6f9;color:var(--ink);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
            main{max-width:1160px;margin:0 auto;padding:24px 28px 40px}
            header h1{margin:0 0 4px;font-size:26px;font-weight:650}
            .sub{margin:0 0 18px;color:var(--muted)}
            section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:16px 20px;margin:0 0 18px}
            h2{margin:0 0 12px;font-size:17px;font-weight:600}
            .cards{display:grid;grid-template-columns:repeat(4,1fr);gap:12px;margin-bottom:14px}
            .card{border:1px solid var(--line);border-radius:6px;padding:10px 14px;background:#fafbfc}
            .card .label{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
            .card .value{font-size:22px;font-weight:600;font-variant-numeric:tabular-nums}
            .pos{color:var(--pos)}.neg{color:var(--neg)}
            table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
            table.metrics th{text-align:left;font-weight:500;color:var(--muted);padding:6px 10px;width:22%}
            table.metrics td{text-align:right;padding:6px 18px 6px 10px;width:28%;font-weight:600}
            table.metrics tr{border-top:1px solid var(--line)}
            svg.chart{width:100%;height:auto;display:block}
            svg .grid{stroke:#e6e9ee;stroke-width:1}
            svg text{font-family:inherit;fill:#4a5563}
            svg .ylab{font-size:11px;text-anchor:end}
            svg .xlab{font-size:11px;text-anchor:middle}
            svg .axis-title{font-size:12px;text-anchor:middle;fill:var(--muted)}
            svg .legend{font-size:12px}
            table.heatmap th,table.heatmap td{border:1px solid #fff;padding:5px 4px;text-align:center;font-size:12.5px}
            table.heatmap thead th{color:var(--muted);font-weight:500}
            table.heatmap tbody th{text-align:left;color:var(--muted);font-weight:500;width:56px}
            table.heatmap td.year{font-weight:700;border-left:3px solid #fff}
            table.heatmap td.empty{background:#f7f8fa}
            table.trades{font-size:12.5px}
            table.trades th{background:#f2f4f7;color:var(--muted);font-weight:500;text-align:right;padding:6px 8px;position:sticky;top:0}
            table.trades td{text-align:right;padding:4px 8px;border-top:1px solid var(--line)}
            table.trades th:nth-child(-n+3),table.trades td:nth-child(-n+3){text-align:left}
            table.trades td.open{text-align:center;color:var(--muted);font-style:italic}
            .note{color:var(--muted);font-size:12.5px}
            footer{color:var(--muted);font-size:12px;text-align:center;margin-top:8px}
            @media print{body{background:#fff}section{break-inside:avoid}}
            """;
}
