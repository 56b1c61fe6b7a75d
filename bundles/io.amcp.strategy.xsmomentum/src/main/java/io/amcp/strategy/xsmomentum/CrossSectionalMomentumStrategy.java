package io.amcp.strategy.xsmomentum;

import io.amcp.analytics.indicators.RateOfChange;
import io.amcp.api.model.Bar;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Cross-sectional momentum (Jegadeesh and Titman 1993) over a universe of symbols. A step is one
 * timestamp: it completes when every symbol has a bar at that time (or when a later bar arrives).
 * Every {@code rebalanceBars} steps, once every symbol has a score, the symbols are ranked by
 * the return from {@code lookback + skip} to {@code skip} bars ago (skipping the most recent
 * {@code skip} bars, which tend to reverse); the top {@code topK} are held long and, with
 * {@code shortBottom}, the bottom {@code topK} short, equally weighted: each position is worth
 * {@code equity x (1 - cashBuffer) x grossExposure / legs} (legs = K, or 2K long/short), rounded down
 * to whole lots at the last close.
 *
 * <p>Sells first, then buys: a rebalance first sends the orders that reduce positions; the orders that
 * increase them are sized and sent at the first step after all of those have finished, from the
 * equity and closes then, so they fit the buying power the reductions released.
 *
 * <p>Indicators: one {@link RateOfChange} per symbol fed with the close {@code skip} bars ago.
 *
 * <p>Snapshot: the last {@code lookback + skip + 1} closes per symbol, the steps since the last
 * rebalance, the chosen longs and shorts and whether their buys are still to be sent.
 */
@Component(service = Strategy.class, configurationPid = "io.amcp.strategy.xsmomentum",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = CrossSectionalMomentumConfig.class, factory = true)
public final class CrossSectionalMomentumStrategy implements Strategy {

    private final StrategyId id;
    private final List<InstrumentId> universe;
    private final Map<InstrumentId, Track> tracks = new LinkedHashMap<>();
    private final int lookback;
    private final int skip;
    private final int topK;
    private final boolean shortBottom;
    private final int rebalanceBars;
    private final double grossExposure;
    private final double cashBuffer;
    private final Quantity lotSize;
    private long stepTime = Long.MIN_VALUE;
    private int updatedThisStep;
    private int stepsSinceRebalance;
    private List<InstrumentId> longs = List.of();
    private List<InstrumentId> shorts = List.of();
    private boolean increasesPending;
    private StrategyContext context;

    /** Parameters of one instance; see {@link CrossSectionalMomentumConfig} for their meaning. */
    public record Parameters(int lookback, int skip, int topK, boolean shortBottom, int rebalanceBars,
            double grossExposure, double cashBuffer, Quantity lotSize) {

        /**
         * @throws IllegalArgumentException naming the parameter at fault
         */
        public Parameters {
            if (lookback < 1) {
                throw new IllegalArgumentException("lookback: must be at least 1, was " + lookback);
            }
            if (skip < 0) {
                throw new IllegalArgumentException("skip: must not be negative, was " + skip);
            }
            if (topK < 1) {
                throw new IllegalArgumentException("topK: must be at least 1, was " + topK);
            }
            if (rebalanceBars < 1) {
                throw new IllegalArgumentException("rebalanceBars: must be at least 1, was " + rebalanceBars);
            }
            if (!(grossExposure > 0) || Double.isInfinite(grossExposure)) {
                throw new IllegalArgumentException("grossExposure: must be positive and finite, was " + grossExposure);
            }
            if (!(cashBuffer >= 0 && cashBuffer < 1)) {
                throw new IllegalArgumentException("cashBuffer: must be in [0, 1), was " + cashBuffer);
            }
            if (lotSize == null || !lotSize.isPositive()) {
                throw new IllegalArgumentException("lotSize: must be positive, was " + lotSize);
            }
        }
    }

    /** Closes and score of one symbol. */
    private static final class Track {
        final double[] closes;
        int next;
        long seen;
        double lastClose = Double.NaN;
        RateOfChange score;

        Track(int lookback, int skip) {
            this.closes = new double[lookback + skip + 1];
            this.score = RateOfChange.of(lookback);
        }

        void update(double close, int skip) {
            closes[next] = close;
            next = next + 1 == closes.length ? 0 : next + 1;
            seen++;
            lastClose = close;
            if (seen > skip) {
                score.update(closes[(next - 1 - skip + 2 * closes.length) % closes.length]);
            }
        }

        String history() {
            int n = (int) Math.min(seen, closes.length);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    b.append(',');
                }
                b.append(closes[(next - n + i + closes.length) % closes.length]);
            }
            return b.toString();
        }
    }

    public CrossSectionalMomentumStrategy(StrategyId id, List<InstrumentId> universe, Parameters p) {
        if (id == null) {
            throw new IllegalArgumentException("id: is required");
        }
        if (universe == null || universe.size() < 2 || universe.stream().distinct().count() != universe.size()) {
            throw new IllegalArgumentException("symbols: need at least two distinct symbols, were " + universe);
        }
        int legs = p.shortBottom() ? 2 * p.topK() : p.topK();
        if (legs > universe.size()) {
            throw new IllegalArgumentException("topK: " + p.topK() + (p.shortBottom() ? " long and short" : "")
                    + " needs " + legs + " symbols, the universe has " + universe.size());
        }
        this.id = id;
        this.universe = List.copyOf(universe);
        this.lookback = p.lookback();
        this.skip = p.skip();
        this.topK = p.topK();
        this.shortBottom = p.shortBottom();
        this.rebalanceBars = p.rebalanceBars();
        this.grossExposure = p.grossExposure();
        this.cashBuffer = p.cashBuffer();
        this.lotSize = p.lotSize();
        this.stepsSinceRebalance = rebalanceBars;
        for (InstrumentId s : universe) {
            tracks.put(s, new Track(lookback, skip));
        }
    }

    @Activate
    public CrossSectionalMomentumStrategy(CrossSectionalMomentumConfig config) {
        this(StrategyId.of(config.id()), Arrays.stream(config.symbols()).map(String::trim).map(InstrumentId::of).toList(),
                new Parameters(config.lookback(), config.skip(), config.topK(), config.shortBottom(),
                        config.rebalanceBars(), config.grossExposure(), config.cashBuffer(), parseLot(config.lotSize())));
    }

    private static Quantity parseLot(String text) {
        try {
            return Quantity.of(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("lotSize: not a number: '" + text + "'", e);
        }
    }

    @Override
    public StrategyId id() {
        return id;
    }

    @Override
    public void onStart(StrategyContext ctx) {
        this.context = ctx;
        universe.forEach(ctx::subscribe);
    }

    @Override
    public void onBar(Bar bar) {
        Track track = tracks.get(bar.instrument());
        if (track == null) {
            return;
        }
        if (bar.time() != stepTime) {
            if (updatedThisStep > 0 && updatedThisStep < universe.size()) {
                completeStep();
            }
            stepTime = bar.time();
            updatedThisStep = 0;
        }
        track.update(bar.closeAsDouble(), skip);
        updatedThisStep++;
        if (updatedThisStep == universe.size()) {
            completeStep();
        }
    }

    private void completeStep() {
        stepsSinceRebalance++;
        if (hasWorkingOrder()) {
            return;
        }
        if (increasesPending) {
            increasesPending = false;
            sendIncreases();
            return;
        }
        if (stepsSinceRebalance < rebalanceBars || !allScored()) {
            return;
        }
        stepsSinceRebalance = 0;
        List<InstrumentId> ranked = new ArrayList<>(universe);
        ranked.sort(Comparator.comparingDouble((InstrumentId s) -> -tracks.get(s).score.value())
                .thenComparing(InstrumentId::value));
        longs = List.copyOf(ranked.subList(0, topK));
        shorts = shortBottom ? List.copyOf(ranked.subList(ranked.size() - topK, ranked.size())) : List.of();
        Map<InstrumentId, Quantity> targets = targets();
        boolean reduced = false;
        for (InstrumentId s : universe) {
            Quantity current = context.position(s).quantity();
            Quantity target = targets.get(s);
            Quantity reduction = reduction(current, target);
            if (!reduction.isZero()) {
                send(s, reduction);
                reduced = true;
            }
        }
        if (reduced) {
            increasesPending = true;
        } else {
            sendIncreases();
        }
    }

    /** The part of the move from {@code current} to {@code target} that shrinks the position (signed). */
    private static Quantity reduction(Quantity current, Quantity target) {
        if (current.isPositive()) {
            return target.isPositive() ? (target.compareTo(current) < 0 ? target.minus(current) : Quantity.ZERO)
                    : current.negate();
        }
        if (current.isNegative()) {
            return target.isNegative() ? (target.compareTo(current) > 0 ? target.minus(current) : Quantity.ZERO)
                    : current.negate();
        }
        return Quantity.ZERO;
    }

    private void sendIncreases() {
        Map<InstrumentId, Quantity> targets = targets();
        for (InstrumentId s : universe) {
            Quantity delta = targets.get(s).minus(context.position(s).quantity());
            Quantity target = targets.get(s);
            boolean increases = (target.isPositive() && delta.isPositive()) || (target.isNegative() && delta.isNegative());
            if (increases) {
                send(s, delta);
            }
        }
    }

    private Map<InstrumentId, Quantity> targets() {
        double equity = context.account().equity().toDouble();
        int legs = longs.size() + shorts.size();
        double perLeg = equity * (1 - cashBuffer) * grossExposure / legs;
        Map<InstrumentId, Quantity> targets = new HashMap<>();
        for (InstrumentId s : universe) {
            int sign = longs.contains(s) ? 1 : shorts.contains(s) ? -1 : 0;
            long lots = sign == 0 ? 0 : (long) Math.floor(perLeg / tracks.get(s).lastClose / lotSize.toDouble());
            targets.put(s, Quantity.ofRaw(sign * Math.multiplyExact(lots, lotSize.raw())));
        }
        return targets;
    }

    private void send(InstrumentId s, Quantity signed) {
        if (signed.isPositive()) {
            context.submit(SubmitOrder.market(s, Side.BUY, signed));
        } else if (signed.isNegative()) {
            context.submit(SubmitOrder.market(s, Side.SELL, signed.abs()));
        }
    }

    private boolean allScored() {
        for (Track t : tracks.values()) {
            if (!t.score.isReady()) {
                return false;
            }
        }
        return true;
    }

    private boolean hasWorkingOrder() {
        for (OrderView o : context.openOrders()) {
            if (o.status() != OrderStatus.HELD && tracks.containsKey(o.request().instrument())) {
                return true;
            }
        }
        return false;
    }

    /** The symbols chosen long at the last rebalance. */
    public List<InstrumentId> longs() {
        return longs;
    }

    /** The symbols chosen short at the last rebalance. */
    public List<InstrumentId> shorts() {
        return shorts;
    }

    @Override
    public StrategyState snapshot() {
        Map<String, String> values = new HashMap<>();
        tracks.forEach((s, t) -> values.put("closes." + s.value(), t.history()));
        values.put("stepsSinceRebalance", Integer.toString(stepsSinceRebalance));
        values.put("longs", String.join(",", longs.stream().map(InstrumentId::value).toList()));
        values.put("shorts", String.join(",", shorts.stream().map(InstrumentId::value).toList()));
        values.put("increasesPending", Boolean.toString(increasesPending));
        return new StrategyState(values);
    }

    @Override
    public void restore(StrategyState state) {
        for (InstrumentId s : universe) {
            Track fresh = new Track(lookback, skip);
            tracks.put(s, fresh);
            String closes = state.get("closes." + s.value(), "");
            if (!closes.isEmpty()) {
                for (String c : closes.split(",")) {
                    fresh.update(Double.parseDouble(c), skip);
                }
            }
        }
        stepsSinceRebalance = (int) state.getLong("stepsSinceRebalance", rebalanceBars);
        longs = symbols(state.get("longs", ""));
        shorts = symbols(state.get("shorts", ""));
        increasesPending = Boolean.parseBoolean(state.get("increasesPending", "false"));
    }

    private static List<InstrumentId> symbols(String csv) {
        return csv.isEmpty() ? List.of() : Arrays.stream(csv.split(",")).map(InstrumentId::of).toList();
    }
}
