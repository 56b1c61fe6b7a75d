package io.amcp.ai.research.swarm;

import io.amcp.ai.research.internal.Stats;
import io.amcp.api.model.BarSeries;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.Money;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.StrategyId;
import io.amcp.api.spi.Clock;
import io.amcp.backtest.BacktestEngine;
import io.amcp.backtest.BacktestRun;
import io.amcp.broker.paper.PaperExchange;
import io.amcp.broker.paper.PaperSettings;
import io.amcp.strategy.smacross.SmaCrossStrategy;
import java.util.Arrays;
import java.util.List;

/**
 * SMA-crossover backtests through the real {@link BacktestEngine} and paper exchange (5 bps
 * slippage). Every entry buys the same quantity, 95% of the starting cash at the first close; the
 * account has 2x buying power so that this fixed quantity is not refused after the price has risen
 * (with a cash account a rally above the first close would silently block every later entry).
 */
public final class Backtests {

    /** Starting cash of every run. */
    public static final double CASH = 1_000_000;
    /** Slippage of the paper exchange, in basis points. */
    public static final double SLIPPAGE_BPS = 5;

    private Backtests() {
    }

    /** Bars {@code [from, to)} of a series. */
    public static BarSeries slice(BarSeries s, int from, int to) {
        return new BarSeries(s.instrument(), Arrays.copyOfRange(s.time(), from, to), Arrays.copyOfRange(s.open(), from, to),
                Arrays.copyOfRange(s.high(), from, to), Arrays.copyOfRange(s.low(), from, to),
                Arrays.copyOfRange(s.close(), from, to), Arrays.copyOfRange(s.volume(), from, to));
    }

    /** The equity after each bar of an SMA(fast, slow) crossover run over {@code series}. */
    public static double[] smaCrossEquity(BarSeries series, int fast, int slow) {
        double firstClose = FixedPoint.toDouble(series.close()[0]);
        double units = Math.floor(0.95 * CASH / firstClose * 1e4) / 1e4;
        BacktestRun run = new BacktestEngine(Money.of(CASH), 2.0, List.of()).run(List.of(series),
                new SmaCrossStrategy(StrategyId.of("research-sma"), series.instrument().id(), fast, slow,
                        Quantity.of(units)),
                (Clock c) -> new PaperExchange(c, PaperSettings.FRICTIONLESS.withSlippageBps(SLIPPAGE_BPS)), null);
        return run.equity();
    }

    /** Per-bar returns of an equity curve from sample {@code from} on. */
    public static double[] returnsFrom(double[] equity, int from) {
        double[] r = new double[equity.length - 1 - from];
        for (int i = from + 1; i < equity.length; i++) {
            r[i - from - 1] = equity[i] / equity[i - 1] - 1;
        }
        return r;
    }

    /** Buy-and-hold per-bar returns of a series from bar {@code from} on. */
    public static double[] buyAndHold(BarSeries s, int from) {
        double[] c = s.closesAsDouble();
        return Stats.simpleReturns(Arrays.copyOfRange(c, from, c.length));
    }
}
