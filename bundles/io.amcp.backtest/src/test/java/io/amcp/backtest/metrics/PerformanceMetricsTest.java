package io.amcp.backtest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.amcp.api.model.Side;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerformanceMetricsTest {

    private static final double EPS = 1e-9;
    private static final long DAY = 86_400_000_000_000L;
    private static final long T0 = Instant.parse("2024-01-01T21:00:00Z").getEpochSecond() * 1_000_000_000L;

    /**
     * Equity 100, 110, 99, 118.8, 106.92 on days 0, 1, 2, 5, 6 (a weekend between samples 2 and 3).
     * Returns r = +0.10, -0.10, +0.20, -0.10.
     */
    private static EquityCurve fivePoints() {
        return EquityCurve.of(new long[] {T0, T0 + DAY, T0 + 2 * DAY, T0 + 5 * DAY, T0 + 6 * DAY},
                new double[] {100, 110, 99, 118.8, 106.92});
    }

    @Test
    void fivePointCurveByHand() {
        PerformanceMetrics m = PerformanceMetrics.calculator(fivePoints()).periodsPerYear(252).calculate();

        // total return = 106.92 / 100 - 1 = 0.0692
        assertThat(m.totalReturn()).isCloseTo(0.0692, within(EPS));
        // mean r = (0.10 - 0.10 + 0.20 - 0.10) / 4 = 0.025
        // deviations 0.075, -0.125, 0.175, -0.125; squares 0.005625 + 0.015625 + 0.030625 + 0.015625 = 0.0675
        // sample variance 0.0675 / 3 = 0.0225, stdev 0.15
        // volatility = 0.15 x sqrt(252) = 2.381176...
        assertThat(m.annualVolatility()).isCloseTo(0.15 * Math.sqrt(252), within(EPS));
        // Sharpe = 0.025 / 0.15 x sqrt(252) = sqrt(252) / 6 = sqrt(7) = 2.6457513
        assertThat(m.sharpe()).isCloseTo(2.6457513111, within(1e-9));
        // downside: min(0, r)^2 = 0, 0.01, 0, 0.01 -> 0.02 / 4 periods = 0.005, DD = sqrt(0.005)
        // Sortino = 0.025 / sqrt(0.005) x sqrt(252) = sqrt(0.125 x 252) = sqrt(31.5) = 5.6124861
        assertThat(m.sortino()).isCloseTo(5.6124860802, within(1e-9));
        // drawdowns: 99 / 110 - 1 = -0.10 and 106.92 / 118.8 - 1 = -0.10
        assertThat(m.maxDrawdown()).isCloseTo(-0.10, within(EPS));
        // longest under water: peak day 1 (110) regained day 5 (118.8): 4 days, 2 periods;
        // the second (day 5 to the end, day 6) is 1 day
        assertThat(m.maxDrawdownDurationPeriods()).isEqualTo(2);
        assertThat(m.maxDrawdownDurationDays()).isCloseTo(4.0, within(EPS));
        // CAGR over 6 calendar days: 1.0692^(365.25 / 6) - 1
        double cagr = Math.pow(1.0692, 365.25 / 6) - 1;
        assertThat(m.cagr()).isCloseTo(cagr, within(1e-9 * cagr));
        // Calmar = CAGR / 0.10
        assertThat(m.calmar()).isCloseTo(cagr / 0.10, within(1e-9 * cagr));
        assertThat(m.beta()).isNull();
        assertThat(m.exposure()).isNull();
        assertThat(m.winRate()).isNull();
        assertThat(m.tradeCount()).isZero();
        assertThat(m.turnover()).isEqualTo(0.0);
    }

    @Test
    void riskFreeRateShiftsSharpeAndSortinoTarget() {
        // annual rate chosen so the per-period rate is exactly 0.005: (1.005)^252 - 1
        double annual = Math.pow(1.005, 252) - 1;
        PerformanceMetrics m = PerformanceMetrics.calculator(fivePoints()).riskFreeRate(annual).calculate();
        // Sharpe = (0.025 - 0.005) / 0.15 x sqrt(252) = 0.1333... x 15.8745079 = 2.1166010
        assertThat(m.sharpe()).isCloseTo(0.02 / 0.15 * Math.sqrt(252), within(1e-9));
        // r - 0.005 = 0.095, -0.105, 0.195, -0.105: squares of shortfalls 2 x 0.011025 = 0.02205, / 4 = 0.0055125
        // Sortino = 0.02 / sqrt(0.0055125) x sqrt(252) = 4.2761799
        assertThat(m.sortino()).isCloseTo(0.02 / Math.sqrt(0.0055125) * Math.sqrt(252), within(1e-9));
    }

    @Test
    void drawdownNeverRegainedLastsUntilTheEnd() {
        // peak 120 on day 1, never regained: days 1 -> 4 = 3 days, 3 periods; max drawdown 90 / 120 - 1 = -0.25
        EquityCurve curve = EquityCurve.of(new long[] {T0, T0 + DAY, T0 + 2 * DAY, T0 + 3 * DAY, T0 + 4 * DAY},
                new double[] {100, 120, 90, 100, 110});
        PerformanceMetrics m = PerformanceMetrics.calculator(curve).calculate();
        assertThat(m.maxDrawdown()).isCloseTo(-0.25, within(EPS));
        assertThat(m.maxDrawdownDurationPeriods()).isEqualTo(3);
        assertThat(m.maxDrawdownDurationDays()).isCloseTo(3.0, within(EPS));
    }

    @Test
    void betaOfTwiceTheBenchmarkReturnsIsTwo() {
        double[] benchmarkReturns = {0.01, -0.01, 0.02, 0.005, -0.03};
        double[] benchmark = new double[6];
        double[] equity = new double[6];
        long[] times = new long[6];
        benchmark[0] = 400;
        equity[0] = 1_000;
        times[0] = T0;
        for (int i = 1; i < 6; i++) {
            benchmark[i] = benchmark[i - 1] * (1 + benchmarkReturns[i - 1]);
            equity[i] = equity[i - 1] * (1 + 2 * benchmarkReturns[i - 1]);
            times[i] = T0 + i * DAY;
        }
        PerformanceMetrics m = PerformanceMetrics.calculator(EquityCurve.of(times, equity)).benchmark(benchmark).calculate();
        assertThat(m.beta()).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void tradeStatisticsFromASmallTradeList() {
        List<Trade> trades = List.of(
                Trade.closed("A", Side.BUY, 1, 1, 10, 2, 110, 100),
                Trade.closed("A", Side.BUY, 1, 3, 10, 4, 10, -50),
                Trade.closed("B", Side.SELL, 1, 5, 10, 6, 10, 30),
                Trade.closed("B", Side.SELL, 1, 7, 10, 8, 10, -20),
                Trade.closed("C", Side.BUY, 1, 9, 10, 10, 10, 0),
                Trade.open("C", Side.BUY, 1, 11, 10));
        EquityCurve curve = EquityCurve.of(new long[] {T0, T0 + DAY}, new double[] {1_000, 1_060});
        PerformanceMetrics m = PerformanceMetrics.calculator(curve).trades(trades).calculate();
        // closed trades: 5 (the open one is left out); winners +100, +30; losers -50, -20; one flat
        assertThat(m.tradeCount()).isEqualTo(5);
        // win rate 2 / 5
        assertThat(m.winRate()).isCloseTo(0.4, within(EPS));
        // profit factor (100 + 30) / (50 + 20) = 1.857142857
        assertThat(m.profitFactor()).isCloseTo(130.0 / 70.0, within(EPS));
        // average win (100 + 30) / 2 = 65, average loss (-50 - 20) / 2 = -35
        assertThat(m.averageWin()).isCloseTo(65.0, within(EPS));
        assertThat(m.averageLoss()).isCloseTo(-35.0, within(EPS));
    }

    @Test
    void exposureAndTurnover() {
        // two samples exactly 365.25 days apart = 1 year; equity 10,000 then 10,000: mean 10,000
        long[] times = {T0, T0 + 36_525L * DAY / 100};
        EquityCurve curve = EquityCurve.of(times, new double[] {10_000, 10_000});
        // one trade of 10 units, bought at 100 and sold at 110: notional 1,000 + 1,100 = 2,100
        List<Trade> trades = List.of(Trade.closed("A", Side.BUY, 10, times[0], 100, times[1], 110, 100));
        PerformanceMetrics m = PerformanceMetrics.calculator(curve).trades(trades)
                .invested(new boolean[] {true, false}).calculate();
        // turnover = 2,100 / 10,000 / 1 year = 0.21
        assertThat(m.turnover()).isCloseTo(0.21, within(EPS));
        // exposure = 1 of 2 samples
        assertThat(m.exposure()).isCloseTo(0.5, within(EPS));
    }

    @Test
    void undefinedStatisticsAreNullNotZero() {
        EquityCurve flat = EquityCurve.of(new long[] {T0, T0 + DAY, T0 + 2 * DAY}, new double[] {100, 100, 100});
        PerformanceMetrics m = PerformanceMetrics.calculator(flat).benchmark(new double[] {5, 5, 5})
                .trades(List.of(Trade.closed("A", Side.BUY, 1, T0, 10, T0 + DAY, 11, 1))).calculate();
        assertThat(m.annualVolatility()).isEqualTo(0.0);
        assertThat(m.sharpe()).isNull();
        assertThat(m.sortino()).isNull();
        assertThat(m.calmar()).isNull();
        assertThat(m.beta()).isNull();
        assertThat(m.maxDrawdown()).isEqualTo(0.0);
        assertThat(m.maxDrawdownDurationPeriods()).isZero();
        // one winner and no loser: profit factor and average loss undefined
        assertThat(m.winRate()).isEqualTo(1.0);
        assertThat(m.profitFactor()).isNull();
        assertThat(m.averageLoss()).isNull();
        assertThat(m.toMap()).containsEntry("sharpe", null).containsEntry("profitFactor", null);

        PerformanceMetrics single = PerformanceMetrics.calculator(EquityCurve.of(new long[] {T0}, new double[] {100}))
                .calculate();
        assertThat(single.cagr()).isNull();
        assertThat(single.annualVolatility()).isNull();
        assertThat(single.turnover()).isNull();
        assertThat(single.totalReturn()).isEqualTo(0.0);
    }

    @Test
    void toMapHasTheContractKeysInOrder() {
        PerformanceMetrics m = PerformanceMetrics.calculator(fivePoints()).calculate();
        assertThat(m.toMap().keySet()).containsExactly("totalReturn", "cagr", "annualVolatility", "sharpe", "sortino",
                "calmar", "maxDrawdown", "maxDrawdownDurationDays", "maxDrawdownDurationPeriods", "beta", "winRate",
                "profitFactor", "averageWin", "averageLoss", "exposure", "turnover", "tradeCount");
    }

    @Test
    void badInputNamesTheField() {
        assertThatThrownBy(() -> EquityCurve.of(new long[] {2, 1}, new double[] {1, 1}))
                .hasMessageContaining("times[1]");
        assertThatThrownBy(() -> PerformanceMetrics.calculator(fivePoints()).benchmark(new double[] {1, 2}))
                .hasMessageContaining("benchmark");
        assertThatThrownBy(() -> PerformanceMetrics.calculator(fivePoints()).periodsPerYear(0))
                .hasMessageContaining("periodsPerYear");
        assertThatThrownBy(() -> PerformanceMetrics.calculator(
                EquityCurve.of(new long[] {1, 2, 3}, new double[] {100, 0, 50})).calculate())
                .hasMessageContaining("equity[1]");
    }
}
