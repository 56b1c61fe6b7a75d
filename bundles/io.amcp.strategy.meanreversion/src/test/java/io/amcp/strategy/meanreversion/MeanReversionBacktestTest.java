package io.amcp.strategy.meanreversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.amcp.api.model.BarSeries;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.Money;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.StrategyId;
import io.amcp.api.spi.Clock;
import io.amcp.backtest.BacktestEngine;
import io.amcp.backtest.BacktestRun;
import io.amcp.backtest.metrics.EquityCurve;
import io.amcp.backtest.metrics.PerformanceMetrics;
import io.amcp.backtest.metrics.RoundTripTracker;
import io.amcp.broker.paper.PaperExchange;
import io.amcp.broker.paper.PaperSettings;
import io.amcp.datasource.file.BundledDatasets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.DoubleNum;

/** Bollinger(20, 2) + RSI(14) mean reversion on real AAPL 2013 daily bars through the kernel. */
class MeanReversionBacktestTest {

    private static final BarSeries AAPL = new BundledDatasets().load(BundledDatasets.AAPL_2013).get(0);

    private static BacktestRun run() {
        MeanReversionStrategy strategy = new MeanReversionStrategy(StrategyId.of("mr"), AAPL.instrument().id(), 20, 2.0,
                14, 30, 70, true, Quantity.of(100));
        return new BacktestEngine(Money.of("100000"), 1.0, List.of()).run(List.of(AAPL), strategy,
                (Clock c) -> new PaperExchange(c, PaperSettings.FRICTIONLESS), null);
    }

    /**
     * Independent signal: ta4j 0.17's Bollinger bands and a Wilder RSI written out here (plain averages
     * of the first 14 changes, then {@code avg = (avg x 13 + x) / 14}); every decision on bar i must
     * fill at bar i+1's open.
     */
    @Test
    void fillsEqualTheSignalsOfTa4jBandsAndAHandWrittenWilderRsiAtTheNextOpen() {
        org.ta4j.core.BarSeries ref = new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum.class).build();
        int n = AAPL.size();
        double[] close = new double[n];
        for (int i = 0; i < n; i++) {
            close[i] = FixedPoint.toDouble(AAPL.close()[i]);
            ref.addBar(Duration.ofDays(1), Clock.toInstant(AAPL.time()[i]).atZone(ZoneOffset.UTC),
                    FixedPoint.toDouble(AAPL.open()[i]), FixedPoint.toDouble(AAPL.high()[i]),
                    FixedPoint.toDouble(AAPL.low()[i]), close[i], FixedPoint.toDouble(AAPL.volume()[i]));
        }
        ClosePriceIndicator closes = new ClosePriceIndicator(ref);
        BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(closes, 20));
        StandardDeviationIndicator sd = new StandardDeviationIndicator(closes, 20);
        BollingerBandsLowerIndicator lower = new BollingerBandsLowerIndicator(middle, sd, DoubleNum.valueOf(2));
        BollingerBandsUpperIndicator upper = new BollingerBandsUpperIndicator(middle, sd, DoubleNum.valueOf(2));

        double[] rsi = new double[n];
        double gain = 0;
        double loss = 0;
        for (int i = 1; i < n; i++) {
            double change = close[i] - close[i - 1];
            double up = Math.max(change, 0);
            double down = Math.max(-change, 0);
            if (i <= 14) {
                gain += up / 14;
                loss += down / 14;
            } else {
                gain = (gain * 13 + up) / 14;
                loss = (loss * 13 + down) / 14;
            }
            rsi[i] = loss == 0 ? (gain == 0 ? 0 : 100) : 100 - 100 / (1 + gain / loss);
        }

        List<String> expected = new ArrayList<>();
        int position = 0;
        for (int i = 19; i + 1 < n; i++) {
            double c = close[i];
            String open = FixedPoint.format(AAPL.open()[i + 1]);
            if (position == 0 && c < lower.getValue(i).doubleValue() && rsi[i] < 30) {
                expected.add("BUY@" + open);
                position = 1;
            } else if (position == 0 && c > upper.getValue(i).doubleValue() && rsi[i] > 70) {
                expected.add("SELL@" + open);
                position = -1;
            } else if (position > 0 && c >= middle.getValue(i).doubleValue()) {
                expected.add("SELL@" + open);
                position = 0;
            } else if (position < 0 && c <= middle.getValue(i).doubleValue()) {
                expected.add("BUY@" + open);
                position = 0;
            }
        }

        List<String> actual = run().fills().stream().map(f -> f.side() + "@" + f.price()).toList();
        assertThat(expected).isNotEmpty();
        assertThat(actual).isEqualTo(expected);
    }

    /**
     * Regression pins (LEAN style): these numbers are what this strategy produced on AAPL 2013 when it
     * was written, with frictionless fills and 100,000 starting cash. They are not independently
     * derived; the test above checks the trades themselves. A change here must be explained in review.
     */
    @Test
    void regressionStatisticsArePinned() {
        BacktestRun run = run();
        PerformanceMetrics m = PerformanceMetrics.calculator(EquityCurve.of(run.equityTimes(), run.equity()))
                .trades(RoundTripTracker.pair(run.fills())).periodsPerYear(252).invested(run.invested()).calculate();
        assertThat(run.fills()).hasSize(12);
        assertThat(m.tradeCount()).isEqualTo(6);
        assertThat(run.finalAccount().equity().toDouble()).isCloseTo(107778.00, within(0.005));
        assertThat(m.sharpe()).isCloseTo(1.381712357, within(1e-6));
        assertThat(m.maxDrawdown()).isCloseTo(-0.048799026, within(1e-6));
        assertThat(run.kernelErrors()).isZero();
    }
}
