package io.amcp.strategy.ml;

import io.amcp.ai.features.FeatureEngine;
import io.amcp.ai.inference.Prediction;
import io.amcp.ai.inference.Predictor;
import io.amcp.api.model.Bar;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderStatus;
import io.amcp.api.order.OrderView;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.Strategy;
import io.amcp.api.spi.StrategyContext;
import io.amcp.api.spi.StrategyState;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Trades a model's prediction for one instrument. Each closed bar goes through a streaming
 * {@link FeatureEngine} (the standard 134 features, the same code that built the training matrix);
 * once every feature is defined (and, for a sequence model, enough rows are kept) the row is sent to
 * the {@link Predictor}, the {@link SignalPolicy} turns the prediction into a target position sized by
 * its confidence, and the difference to the current position is traded with a market order through
 * the {@link StrategyContext}, so the node's risk chain checks it. Small rebalances (below
 * {@code minTradeFraction} of equity) are skipped, except closing a position; nothing is sent while
 * an order is working.
 *
 * <p>Snapshot: the last {@link #SNAPSHOT_BARS} bars, replayed into the new version's feature engine.
 * A new version that restores a snapshot holding the whole history computes exactly the features of
 * an uninterrupted run; with a longer history the running sums are rebuilt from the snapshot's first
 * bar, so recursively smoothed features (EMA, Wilder) may differ by the weight their smoothing still
 * gives to older bars (for an EMA of period {@code p}, {@code (1 - 2/(p+1))^1004}).
 */
@Component(service = Strategy.class, configurationPid = "io.amcp.strategy.ml",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = MlStrategyConfig.class, factory = true)
public final class MlStrategy implements Strategy {

    /** Bars kept for {@link #snapshot()}: four times the longest standard feature lookback (251). */
    public static final int SNAPSHOT_BARS = 1004;

    private final StrategyId id;
    private final InstrumentId instrument;
    private final Predictor predictor;
    private final SignalPolicy policy;
    private final long lotRaw;
    private final double minTradeFraction;
    private final long tradeFrom;
    private final FeatureEngine engine;
    private final int warmup;
    private final int sequenceLength;
    private final int width;
    private final double[][] rows;
    private final long[] bars;
    private final int barCapacity;
    private long seen;
    private StrategyContext context;
    private Prediction lastPrediction;

    /**
     * @param lot              smallest quantity step
     * @param minTradeFraction smallest rebalance worth trading, as a fraction of equity
     * @param zone             calendar-feature zone; must match the model's training
     * @param tradeFrom        bar end time (epoch nanoseconds) from which to predict and trade; earlier bars
     *                         only warm the features up (walk-forward: the end of the model's training data)
     * @throws IllegalArgumentException naming the field at fault (a predictor that does not take the
     *                                  standard features or does not have three classes names {@code predictor})
     */
    public MlStrategy(StrategyId id, InstrumentId instrument, Predictor predictor, SignalPolicy policy, Quantity lot,
            double minTradeFraction, ZoneId zone, long tradeFrom) {
        this.id = Objects.requireNonNull(id, "id");
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.predictor = Objects.requireNonNull(predictor, "predictor");
        this.policy = Objects.requireNonNull(policy, "policy");
        if (!lot.isPositive()) {
            throw new IllegalArgumentException("lot: must be positive, was " + lot);
        }
        if (!(minTradeFraction >= 0) || Double.isInfinite(minTradeFraction)) {
            throw new IllegalArgumentException("minTradeFraction: must be finite and not negative, was " + minTradeFraction);
        }
        this.lotRaw = lot.raw();
        this.minTradeFraction = minTradeFraction;
        this.tradeFrom = tradeFrom;
        this.engine = FeatureEngine.standard(Objects.requireNonNull(zone, "zone"));
        this.width = engine.width();
        if (predictor.stepFeatures() != width || predictor.classes() != 3) {
            throw new IllegalArgumentException("predictor: " + predictor.modelName() + " takes " + predictor.stepFeatures()
                    + " features per step and has " + predictor.classes() + " classes; this strategy needs " + width
                    + " standard features and 3 classes (down, flat, up)");
        }
        this.sequenceLength = predictor.sequenceLength();
        this.warmup = engine.registry().maxLookback() + sequenceLength - 1;
        this.rows = new double[sequenceLength][width];
        this.barCapacity = Math.max(SNAPSHOT_BARS, warmup);
        this.bars = new long[barCapacity * 6];
    }

    @Activate
    public MlStrategy(MlStrategyConfig config, @Reference(name = "predictor") Predictor predictor) {
        this(StrategyId.of(config.id()), InstrumentId.of(config.symbol()), predictor,
                SignalPolicy.of(config.minConfidence(), config.maxAllocation(), config.allowShort()),
                Quantity.of(config.lot()), config.minTradeFraction(), ZoneId.of(config.zone()), tradeFrom(config.tradeFrom()));
    }

    private static long tradeFrom(String text) {
        if (text == null || text.isBlank()) {
            return Long.MIN_VALUE;
        }
        try {
            Instant at = Instant.parse(text.trim());
            return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("tradeFrom: expected an ISO-8601 instant such as 2024-01-02T00:00:00Z, got '"
                    + text + "'", e);
        }
    }

    @Override
    public StrategyId id() {
        return id;
    }

    /** Bars needed before the first prediction. */
    public int warmup() {
        return warmup;
    }

    /** The last prediction, or null before the first. */
    public Prediction lastPrediction() {
        return lastPrediction;
    }

    @Override
    public void onStart(StrategyContext ctx) {
        this.context = ctx;
        ctx.subscribe(instrument);
    }

    @Override
    public void onBar(Bar bar) {
        if (!bar.instrument().equals(instrument)) {
            return;
        }
        take(bar.time(), bar.open(), bar.high(), bar.low(), bar.close(), bar.volume());
        if (seen < warmup || bar.time() < tradeFrom || context == null || hasWorkingOrder()) {
            return;
        }
        double[] input = new double[sequenceLength * width];
        for (int s = 0; s < sequenceLength; s++) {
            // oldest step first
            System.arraycopy(rows[(int) ((seen - sequenceLength + s) % sequenceLength)], 0, input, s * width, width);
        }
        lastPrediction = predictor.predict(input);
        trade(policy.targetFraction(lastPrediction), bar.closeAsDouble());
    }

    private void take(long time, long open, long high, long low, long close, long volume) {
        int slot = (int) (seen % sequenceLength);
        engine.update(time, FixedPoint.toDouble(open), FixedPoint.toDouble(high), FixedPoint.toDouble(low),
                FixedPoint.toDouble(close), FixedPoint.toDouble(volume), rows[slot]);
        int at = (int) (seen % barCapacity) * 6;
        bars[at] = time;
        bars[at + 1] = open;
        bars[at + 2] = high;
        bars[at + 3] = low;
        bars[at + 4] = close;
        bars[at + 5] = volume;
        seen++;
    }

    private void trade(double fraction, double close) {
        double equity = context.account().equity().toDouble();
        double units = fraction * equity / close;
        long targetRaw = (long) (Math.floor(Math.abs(units) * FixedPoint.ONE / lotRaw) * lotRaw) * (units < 0 ? -1 : 1);
        long currentRaw = context.position(instrument).quantity().raw();
        long deltaRaw = Math.subtractExact(targetRaw, currentRaw);
        if (deltaRaw == 0) {
            return;
        }
        boolean closing = targetRaw == 0;
        if (!closing && Math.abs(FixedPoint.toDouble(deltaRaw)) * close < minTradeFraction * equity) {
            return;
        }
        Side side = deltaRaw > 0 ? Side.BUY : Side.SELL;
        context.submit(SubmitOrder.market(instrument, side, Quantity.ofRaw(Math.abs(deltaRaw))));
    }

    private boolean hasWorkingOrder() {
        for (OrderView o : context.openOrders()) {
            if (o.status() != OrderStatus.HELD && o.request().instrument().equals(instrument)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public StrategyState snapshot() {
        StringBuilder text = new StringBuilder();
        long n = Math.min(seen, barCapacity);
        for (long k = seen - n; k < seen; k++) {
            int at = (int) (k % barCapacity) * 6;
            if (text.length() > 0) {
                text.append(';');
            }
            for (int f = 0; f < 6; f++) {
                text.append(f == 0 ? "" : ",").append(bars[at + f]);
            }
        }
        return new StrategyState(Map.of("bars", text.toString()));
    }

    @Override
    public void restore(StrategyState state) {
        String text = state.get("bars", "");
        if (text.isEmpty()) {
            return;
        }
        for (String bar : text.split(";")) {
            String[] f = bar.split(",");
            take(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
                    Long.parseLong(f[4]), Long.parseLong(f[5]));
        }
    }
}
