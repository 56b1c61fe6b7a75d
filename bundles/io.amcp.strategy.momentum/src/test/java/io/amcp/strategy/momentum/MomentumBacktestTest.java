package io.amcp.strategy.momentum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.amcp.api.model.BarSeries;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.Money;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderFilled;
import io.amcp.api.spi.Clock;
import io.amcp.backtest.BacktestEngine;
import io.amcp.backtest.BacktestRun;
import io.amcp.backtest.metrics.EquityCurve;
import io.amcp.backtest.metrics.PerformanceMetrics;
import io.amcp.backtest.metrics.RoundTripTracker;
import io.amcp.broker.paper.PaperExchange;
import io.amcp.broker.paper.PaperSettings;
import io.amcp.datasource.file.BarSize;
import io.amcp.datasource.file.SyntheticBarGenerator;
import io.amcp.datasource.file.SyntheticSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Time-series momentum (lookback 120, volatility window 20, target 15%, leverage cap 1, rebalance every
 * 5 bars, long-only) on three years of seeded synthetic daily bars (one symbol, seed 7).
 */
class MomentumBacktestTest {

    private static final BarSeries DATA = new SyntheticBarGenerator(SyntheticSpec.of(1, 3, BarSize.ONE_DAY, 7))
            .series(0);

    private static BacktestRun run() {
        MomentumStrategy strategy = new MomentumStrategy(StrategyId.of("tsmom"), DATA.instrument().id(),
                new MomentumStrategy.Parameters(120, 20, 0.15, 1.0, 5, 252, false, Money.of("100000"), Quantity.of(1)));
        return new BacktestEngine(Money.of("100000"), 1.0, List.of()).run(List.of(DATA), strategy,
                (Clock c) -> new PaperExchange(c, PaperSettings.FRICTIONLESS), null);
    }

    /**
     * The first order recomputed here from the closes: the first bar with both a 120-bar return (index
     * 120) and 20 log returns; if the return is positive the size is
     * {@code floor(100,000 x min(1, 0.15 / (sd x sqrt 252)) / close)}, filled at the next bar's open.
     */
    @Test
    void firstTradeEqualsAHandComputationOfSignalAndVolatilityTarget() {
        double[] close = new double[DATA.size()];
        for (int i = 0; i < close.length; i++) {
            close[i] = FixedPoint.toDouble(DATA.close()[i]);
        }
        int first = -1;
        long expectedQuantity = 0;
        for (int i = 120; i < close.length && first < 0; i += 5) {
            if (close[i] / close[i - 120] - 1 <= 0) {
                continue;
            }
            double mean = 0;
            for (int k = i - 19; k <= i; k++) {
                mean += Math.log(close[k] / close[k - 1]) / 20;
            }
            double variance = 0;
            for (int k = i - 19; k <= i; k++) {
                double d = Math.log(close[k] / close[k - 1]) - mean;
                variance += d * d / 20;
            }
            double leverage = Math.min(1.0, 0.15 / (Math.sqrt(variance) * Math.sqrt(252)));
            expectedQuantity = (long) Math.floor(100_000 * leverage / close[i]);
            first = i;
        }
        assertThat(first).isPositive();

        OrderFilled fill = run().fills().get(0);
        assertThat(fill.side()).isEqualTo(Side.BUY);
        assertThat(fill.quantity()).isEqualTo(Quantity.of(expectedQuantity));
        assertThat(fill.price().raw()).isEqualTo(DATA.open()[first + 1]);
        assertThat(fill.time()).isEqualTo(DATA.time()[first + 1]);
    }

    /**
     * Regression pins (LEAN style): what this strategy produced on this seeded dataset when it was
     * written (frictionless fills, 100,000 starting cash). Not independently derived; the test above
     * checks the first trade by hand. A change here must be explained in review.
     */
    @Test
    void regressionStatisticsArePinned() {
        BacktestRun run = run();
        PerformanceMetrics m = PerformanceMetrics.calculator(EquityCurve.of(run.equityTimes(), run.equity()))
                .trades(RoundTripTracker.pair(run.fills())).periodsPerYear(252).invested(run.invested()).calculate();
        assertThat(run.fills()).hasSize(75);
        assertThat(m.tradeCount()).isEqualTo(71);
        assertThat(run.finalAccount().equity().toDouble()).isCloseTo(123252.41, within(0.005));
        assertThat(m.sharpe()).isCloseTo(0.716798914, within(1e-6));
        assertThat(m.maxDrawdown()).isCloseTo(-0.122507533, within(1e-6));
        assertThat(run.kernelErrors()).isZero();
    }
}
