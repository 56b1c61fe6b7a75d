package io.amcp.strategy.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.amcp.ai.features.TripleBarrier;
import io.amcp.ai.inference.ModelLoader;
import io.amcp.ai.inference.Prediction;
import io.amcp.ai.inference.Predictor;
import io.amcp.ai.models.GradientBoostingTrainer;
import io.amcp.ai.models.TrainingListener;
import io.amcp.ai.models.TrainingPipeline;
import io.amcp.ai.models.TrainingReport;
import io.amcp.ai.models.TrainingSet;
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
import io.amcp.broker.paper.PaperExchange;
import io.amcp.broker.paper.PaperSettings;
import io.amcp.datasource.file.BundledDatasets;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Walk-forward on real BTC/USD 5-minute bars (aggregated from 100,000 Bitstamp trades, 2013-11-25 to
 * 12-01): gradient-boosted trees trained on the first 60% of the labelled bars (purged, 2-bar embargo),
 * then the strategy trades the remaining 40% out of sample through the backtest kernel (100,000 cash,
 * 2 bps slippage, no leverage, long only), compared with buying and holding over the same bars.
 */
class MlBacktestTest {

    private static final BarSeries BTC = new BundledDatasets().load(BundledDatasets.BTC_BITSTAMP).get(0);
    private static final TripleBarrier BARRIER = TripleBarrier.of(1.0, 1.0, 12, 20);
    private static final double PERIODS_PER_YEAR = 288 * 365;

    private static TrainingReport report;
    private static int firstTestBar;
    private static Predictor predictor;
    private static BacktestRun run;

    @BeforeAll
    static void trainAndBacktest() {
        TrainingPipeline pipeline = new TrainingPipeline(new GradientBoostingTrainer(60, 0.05, 3, 20, 0.8, 0.5, 32, 11),
                BARRIER, 0.4, 2, 1);
        report = pipeline.run(BTC, TrainingListener.NONE);
        firstTestBar = report.data().labelStart(report.test()[0]);
        predictor = ModelLoader.of("btc-gbt", 1, report.model(), 1, 0);
        run = new BacktestEngine(Money.of("100000"), 1.0, List.of()).run(List.of(BTC), strategy(),
                (Clock c) -> new PaperExchange(c, PaperSettings.FRICTIONLESS.withSlippageBps(2)), null);
    }

    private static MlStrategy strategy() {
        return new MlStrategy(StrategyId.of("ml"), BTC.instrument().id(), predictor, SignalPolicy.of(0.45, 1.0, false),
                Quantity.of("0.0001"), 0.05, ZoneOffset.UTC, BTC.time()[firstTestBar]);
    }

    /**
     * The first order recomputed here from the training matrix: the first held-out bar whose batch feature
     * row the model calls "up" with probability at least 0.45; size floor(100,000 x (p - 1/3) / (2/3) /
     * close, 0.0001); filled at the next bar's open plus 2 bps.
     */
    @Test
    void firstTradeEqualsTheBatchFeaturesPredictionAndSizing() {
        TrainingSet data = report.data();
        int bar = -1;
        double confidence = 0;
        for (int i : report.test()) {
            double[] p = report.model().probabilities(data.x(i));
            Prediction prediction = Prediction.of(p);
            if (prediction.predictedClass() == SignalPolicy.UP && prediction.confidence() >= 0.45) {
                bar = data.labelStart(i);
                confidence = prediction.confidence();
                break;
            }
        }
        assertThat(bar).isGreaterThanOrEqualTo(firstTestBar);
        double close = FixedPoint.toDouble(BTC.close()[bar]);
        double units = Math.floor(100_000 * (confidence - 1.0 / 3) / (2.0 / 3) / close / 0.0001) * 0.0001;
        OrderFilled fill = run.fills().get(0);
        assertThat(fill.side()).isEqualTo(Side.BUY);
        assertThat(fill.quantity().toDouble()).isCloseTo(units, within(1e-8));
        assertThat(fill.time()).isEqualTo(BTC.time()[bar + 1]);
        assertThat(fill.price().toDouble()).isCloseTo(FixedPoint.toDouble(BTC.open()[bar + 1]) * 1.0002, within(0.01));
    }

    /**
     * Regression pins (LEAN style) of the out-of-sample period, measured when this test was written. Not
     * independently derived (the test above checks the first trade by hand); a change must be explained.
     * Buy-and-hold: bought at the open after the first held-out bar, marked at the last close.
     */
    @Test
    void outOfSampleStatisticsArePinnedAndComparedWithBuyAndHold() {
        long from = BTC.time()[firstTestBar];
        int start = 0;
        while (run.equityTimes()[start] < from) {
            start++;
        }
        long[] times = Arrays.copyOfRange(run.equityTimes(), start, run.equityTimes().length);
        double[] equity = Arrays.copyOfRange(run.equity(), start, run.equity().length);
        PerformanceMetrics m = PerformanceMetrics.calculator(EquityCurve.of(times, equity))
                .periodsPerYear(PERIODS_PER_YEAR).calculate();
        double strategyReturn = equity[equity.length - 1] / 100_000 - 1;
        double last = FixedPoint.toDouble(BTC.close()[BTC.size() - 1]);
        double buyAndHold = last / FixedPoint.toDouble(BTC.open()[firstTestBar + 1]) - 1;
        System.out.printf("ML strategy out of sample (%d bars): %d fills, return %.9f, Sharpe %.9f, max drawdown %.9f; "
                + "buy and hold %.9f; held-out accuracy %.4f; %s%n", BTC.size() - firstTestBar, run.fills().size(),
                strategyReturn, m.sharpe(), m.maxDrawdown(), buyAndHold, report.outOfSample().accuracy(),
                strategyReturn > buyAndHold ? "beat buy and hold" : "did not beat buy and hold");
        assertThat(run.kernelErrors()).isZero();
        assertThat(run.fills()).hasSize(349);
        assertThat(strategyReturn).isCloseTo(-0.025125790, within(1e-8));
        assertThat(m.sharpe()).isCloseTo(-4.038781174, within(1e-6));
        assertThat(m.maxDrawdown()).isCloseTo(-0.080589733, within(1e-8));
        // buy and hold is plain arithmetic on the bundled closes; the model lost less over these 667 bars,
        // i.e. it beat buy and hold here, with a negative Sharpe ratio: no evidence of a tradable edge
        assertThat(buyAndHold).isCloseTo(-0.029060161, within(1e-8));
        assertThat(strategyReturn).isGreaterThan(buyAndHold);
    }
}
