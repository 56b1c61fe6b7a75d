package io.amcp.strategy.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.ai.features.FeatureEngine;
import io.amcp.ai.inference.Prediction;
import io.amcp.ai.inference.Predictor;
import io.amcp.api.model.Bar;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderView;
import io.amcp.api.order.ReplaceOrder;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.portfolio.AccountView;
import io.amcp.api.portfolio.PositionView;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.StrategyContext;
import io.amcp.api.spi.TimerHandle;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class MlStrategyTest {

    private static final InstrumentId X = InstrumentId.of("X");
    private static final int WIDTH = FeatureEngine.standard().width();
    private static final int WARMUP = FeatureEngine.standard().registry().maxLookback();

    /** Answers a fixed prediction and records the rows it was asked about. */
    static class FixedPredictor implements Predictor {
        final List<double[]> asked = new ArrayList<>();
        Prediction answer;
        final int steps;

        FixedPredictor(Prediction answer, int steps) {
            this.answer = answer;
            this.steps = steps;
        }

        @Override public String modelName() { return "fixed"; }
        @Override public int modelVersion() { return 1; }
        @Override public String kind() { return "fixed"; }
        @Override public String device() { return "cpu"; }
        @Override public int classes() { return 3; }
        @Override public int sequenceLength() { return steps; }
        @Override public int stepFeatures() { return WIDTH; }
        @Override public Prediction predict(double[] features) {
            asked.add(features);
            return answer;
        }
        @Override public Prediction[] predict(double[][] rows) { throw new UnsupportedOperationException(); }
        @Override public CompletableFuture<Prediction> submit(double[] features) { throw new UnsupportedOperationException(); }
    }

    static final class RecordingContext implements StrategyContext {
        final List<SubmitOrder> submitted = new ArrayList<>();
        Quantity position = Quantity.ZERO;
        Money equity = Money.of("10000");

        @Override public StrategyId strategyId() { return StrategyId.of("t"); }
        @Override public Clock clock() { return () -> 0L; }
        @Override public void subscribe(InstrumentId instrument) { }
        @Override public ClientOrderId submit(SubmitOrder order) {
            submitted.add(order);
            return ClientOrderId.of("t-" + submitted.size());
        }
        @Override public void cancel(ClientOrderId id) { }
        @Override public void replace(ReplaceOrder replace) { }
        @Override public PositionView position(InstrumentId instrument) {
            return new PositionView(instrument, position, Price.ZERO, Price.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);
        }
        @Override public AccountView account() {
            return new AccountView(equity, equity, equity, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, equity, Money.ZERO);
        }
        @Override public List<OrderView> openOrders() { return List.of(); }
        @Override public TimerHandle scheduleAt(long t, Runnable task) { return () -> { }; }
    }

    private static Bar bar(int i) {
        double c = 100 + 10 * Math.sin(i / 7.0);
        return Bar.of(X, 60_000_000_000L * (i + 1), c, c + 1, c - 1, c, 1000 + i);
    }

    private static MlStrategy strategy(Predictor p) {
        return new MlStrategy(StrategyId.of("t"), X, p, SignalPolicy.of(0.45, 1.0, false), Quantity.of(1), 0.05,
                ZoneOffset.UTC, Long.MIN_VALUE);
    }

    @Test
    void predictsOnceEveryFeatureIsDefinedAndSizesTheOrderByConfidence() {
        FixedPredictor p = new FixedPredictor(Prediction.of(0.1, 0.2, 0.7), 1);
        MlStrategy s = strategy(p);
        RecordingContext ctx = new RecordingContext();
        s.onStart(ctx);
        for (int i = 0; i < WARMUP - 1; i++) {
            s.onBar(bar(i));
        }
        assertThat(p.asked).isEmpty();
        assertThat(s.lastPrediction()).isNull();
        s.onBar(bar(WARMUP - 1));
        assertThat(p.asked).hasSize(1);
        assertThat(s.lastPrediction()).isEqualTo(p.answer);
        // the row sent is the batch feature row of the same bar
        FeatureEngine batch = FeatureEngine.standard();
        double[] expected = new double[WIDTH];
        for (int i = 0; i < WARMUP; i++) {
            batch.update(bar(i), expected);
        }
        assertThat(p.asked.get(0)).containsExactly(expected);
        // target = 1.0 x (0.7 - 1/3) / (2/3) = 0.55 of 10,000 equity at the close: floor(5,500 / close) shares
        double close = bar(WARMUP - 1).closeAsDouble();
        assertThat(ctx.submitted).hasSize(1);
        assertThat(ctx.submitted.get(0).side()).isEqualTo(Side.BUY);
        assertThat(ctx.submitted.get(0).quantity()).isEqualTo(Quantity.of((long) Math.floor(5_500 / close)));

        // held: a flat prediction closes the whole position
        ctx.position = ctx.submitted.get(0).quantity();
        p.answer = Prediction.of(0.2, 0.6, 0.2);
        s.onBar(bar(WARMUP));
        assertThat(ctx.submitted).hasSize(2);
        assertThat(ctx.submitted.get(1).side()).isEqualTo(Side.SELL);
        assertThat(ctx.submitted.get(1).quantity()).isEqualTo(ctx.position);
    }

    @Test
    void sequenceModelsGetTheLastRowsOldestFirstAndSnapshotsKeepFeaturesWarm() {
        FixedPredictor p = new FixedPredictor(Prediction.of(0.2, 0.6, 0.2), 3);
        MlStrategy old = strategy(p);
        old.onStart(new RecordingContext());
        for (int i = 0; i < WARMUP + 5; i++) {
            old.onBar(bar(i));
        }
        FixedPredictor q = new FixedPredictor(Prediction.of(0.2, 0.6, 0.2), 3);
        MlStrategy next = strategy(q);
        next.restore(old.snapshot());
        next.onStart(new RecordingContext());
        next.onBar(bar(WARMUP + 5));
        old.onBar(bar(WARMUP + 5));
        // the swapped-in instance asks exactly what the old one asks on the same bar
        assertThat(q.asked).hasSize(1);
        assertThat(q.asked.get(0)).containsExactly(p.asked.get(p.asked.size() - 1));
        // three steps, the newest last: the last step equals the single-step row of this bar
        FeatureEngine batch = FeatureEngine.standard();
        double[] row = new double[WIDTH];
        for (int i = 0; i <= WARMUP + 5; i++) {
            batch.update(bar(i), row);
        }
        double[] last = new double[WIDTH];
        System.arraycopy(q.asked.get(0), 2 * WIDTH, last, 0, WIDTH);
        assertThat(last).containsExactly(row);
        assertThat(old.warmup()).isEqualTo(WARMUP + 2);
    }

    @Test
    void rejectsAPredictorOfTheWrongShapeNamingIt() {
        FixedPredictor wrong = new FixedPredictor(Prediction.of(0.5, 0.5), 1) {
            @Override public int classes() { return 2; }
        };
        assertThatThrownBy(() -> strategy(wrong)).hasMessageStartingWith("predictor:");
        assertThatThrownBy(() -> new MlStrategy(StrategyId.of("t"), X, new FixedPredictor(null, 1),
                SignalPolicy.of(0.4, 1, false), Quantity.ZERO, 0, ZoneOffset.UTC, Long.MIN_VALUE)).hasMessageStartingWith("lot:");
    }
}
