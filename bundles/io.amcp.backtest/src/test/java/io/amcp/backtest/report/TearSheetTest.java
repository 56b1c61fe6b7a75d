package io.amcp.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.backtest.metrics.EquityCurve;
import io.amcp.backtest.metrics.PerformanceMetrics;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TearSheetTest {

    @Test
    void containsEverySectionAndNeedsNoNetwork() {
        String html = TearSheet.render(ReportFixtures.result("<script>alert(1)</script>"));

        assertThat(html).startsWith("<!DOCTYPE html>");
        assertThat(html).contains("<section id=\"metrics\">", "<section id=\"equity\">", "<section id=\"drawdown\">",
                "<section id=\"monthly-returns\">", "<section id=\"trades\">");
        // equity chart with the benchmark's legend, drawdown chart
        assertThat(html).contains("aria-label=\"Equity curve\"", "Buy and hold (rebased)", "aria-label=\"Drawdown from peak\"");
        // self-contained: no scripts, stylesheets, images or fonts loaded from anywhere
        assertThat(html).doesNotContain("<script", "<link", "src=", "url(", "@import");
        assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http://", "https://");
        // the strategy name is escaped, not executed
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void monthlyReturnsAndTradesAreListed() {
        String html = TearSheet.render(ReportFixtures.result("SMA cross"));
        String monthly = html.substring(html.indexOf("<section id=\"monthly-returns\">"), html.indexOf("<section id=\"trades\">"));
        // Jan 110,000 / 100,000 - 1 = +10.0%, Feb 99,000 / 110,000 - 1 = -10.0%, Mar 103,950 / 99,000 - 1 = +5.0%,
        // year 103,950 / 100,000 - 1 = +3.95% -> "4.0%" at one decimal (half-up)
        assertThat(monthly).contains("<th>2024</th>", ">10.0%<", ">-10.0%<", ">5.0%<", ">4.0%<");
        // April to December have no data
        assertThat(monthly.split("class=\"empty\"", -1)).hasSize(10);
        String trades = html.substring(html.indexOf("<section id=\"trades\">"));
        assertThat(trades).contains("AAPL", "Long", "185.50", "190.25", "470.50", "2024-01-31 21:00");
        // (190.25 / 185.5 - 1) = +2.56%
        assertThat(trades).contains("+2.56%");
        assertThat(trades).contains("MSFT", "Short", "open at end of run");
    }

    @Test
    void longCurvesAreReducedPerPixelColumnAndTinyRunsStillRender() {
        int n = 100_000;
        long[] times = new long[n];
        double[] equity = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = ReportFixtures.nanos("2020-01-01T00:00:00Z") + i * 60_000_000_000L;
            equity[i] = 100_000 + 1_000 * Math.sin(i / 500.0);
        }
        EquityCurve curve = EquityCurve.of(times, equity);
        BacktestResult big = BacktestResult.of("Minute", "Synthetic", Instant.parse("2020-01-01T00:00:00Z"),
                Instant.parse("2020-03-10T10:39:00Z"), 100_000, equity[n - 1],
                PerformanceMetrics.calculator(curve).calculate(), List.of(), curve);
        String html = TearSheet.render(big);
        // at most first/min/max/last for each of the 1,004 pixel columns of each of the two charts
        int segments = html.split(" L", -1).length - 1;
        assertThat(segments).isLessThan(2 * 4 * 1_004);
        assertThat(html).contains("No trades.");

        EquityCurve one = EquityCurve.of(new long[] {times[0]}, new double[] {100_000});
        BacktestResult tiny = BacktestResult.of("One", "Synthetic", Instant.parse("2020-01-01T00:00:00Z"),
                Instant.parse("2020-01-01T00:00:00Z"), 100_000, 100_000, PerformanceMetrics.calculator(one).calculate(),
                List.of(), one);
        assertThat(TearSheet.render(tiny)).contains("<section id=\"monthly-returns\">", "n/a");
    }
}
