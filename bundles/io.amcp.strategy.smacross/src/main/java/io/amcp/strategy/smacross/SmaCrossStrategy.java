package io.amcp.strategy.smacross;

import io.amcp.api.model.Bar;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderStatus;
import io.amcp.api.order.OrderView;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.portfolio.PositionView;
import io.amcp.api.spi.Strategy;
import io.amcp.api.spi.StrategyContext;
import io.amcp.api.spi.StrategyParameters;
import io.amcp.api.spi.StrategyState;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Long-only simple-moving-average crossover. When the fast SMA of closes crosses above the slow
 * SMA and the strategy is flat (and has no entry working), it buys {@code quantity}; when the fast
 * SMA crosses below the slow one, it sells its whole position. A cross is a change of the sign of
 * {@code fast - slow} between two consecutive bars on which both averages are defined.
 *
 * <p>Snapshot: the last {@code slow} closes and the last sign, so a new version resumes with warm
 * averages.
 */
@Component(service = Strategy.class, configurationPid = "io.amcp.strategy.smacross",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SmaCrossConfig.class, factory = true)
public final class SmaCrossStrategy implements Strategy {

    /** The name backtests know this strategy by. */
    public static final String NAME = "sma-cross";

    private final StrategyId id;
    private final InstrumentId instrument;
    private final int fastPeriod;
    private final int slowPeriod;
    private final Quantity quantity;
    private double fastSum;
    private double slowSum;
    private double[] ring;
    private int ringPos;
    private int seen;
    private int lastSign;
    private StrategyContext context;

    public SmaCrossStrategy(StrategyId id, InstrumentId instrument, int fast, int slow, Quantity quantity) {
        if (fast < 1) {
            throw new IllegalArgumentException("fast: must be at least 1, was " + fast);
        }
        if (slow <= fast) {
            throw new IllegalArgumentException("slow: must be greater than fast (" + fast + "), was " + slow);
        }
        if (!quantity.isPositive()) {
            throw new IllegalArgumentException("quantity: must be positive, was " + quantity);
        }
        this.id = id;
        this.instrument = instrument;
        this.fastPeriod = fast;
        this.slowPeriod = slow;
        this.quantity = quantity;
        this.ring = new double[slow];
    }

    @Activate
    public SmaCrossStrategy(SmaCrossConfig config) {
        this(StrategyId.of(config.id()), InstrumentId.of(config.symbol()), config.fast(), config.slow(),
                Quantity.of(config.quantity()));
    }

    /**
     * An instance from parameters as text ({@code fast}, {@code slow}, {@code quantity}), an absent one
     * taking {@link SmaCrossConfig}'s default.
     *
     * @throws IllegalArgumentException naming the parameter at fault
     */
    public static SmaCrossStrategy of(StrategyId id, InstrumentId instrument, Map<String, String> parameters) {
        StrategyParameters p = StrategyParameters.of(NAME, SmaCrossConfig.class, parameters);
        return new SmaCrossStrategy(id, instrument, p.integer("fast"), p.integer("slow"),
                p.decimal("quantity", Quantity::of));
    }

    @Override
    public StrategyId id() {
        return id;
    }

    /** Instrument traded. */
    public InstrumentId instrument() {
        return instrument;
    }

    /** Fast SMA period in bars. */
    public int fastPeriod() {
        return fastPeriod;
    }

    /** Slow SMA period in bars. */
    public int slowPeriod() {
        return slowPeriod;
    }

    /** Quantity bought on a golden cross. */
    public Quantity quantity() {
        return quantity;
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
        int sign = update(bar.closeAsDouble());
        if (sign == 0) {
            return;
        }
        int previous = lastSign;
        lastSign = sign;
        if (previous == 0 || previous == sign) {
            return;
        }
        PositionView position = context.position(instrument);
        if (sign > 0 && position.isFlat() && !hasWorkingOrder()) {
            context.submit(SubmitOrder.market(instrument, Side.BUY, quantity));
        } else if (sign < 0 && position.quantity().isPositive()) {
            context.submit(SubmitOrder.market(instrument, Side.SELL, position.quantity()));
        }
    }

    private boolean hasWorkingOrder() {
        for (OrderView o : context.openOrders()) {
            if (o.status() != OrderStatus.HELD && o.request().instrument().equals(instrument)) {
                return true;
            }
        }
        return false;
    }

    /** Adds a close; returns the sign of fast - slow, or 0 while the slow average is not defined. */
    private int update(double close) {
        int slowOut = ringPos;
        int fastOut = ringPos - fastPeriod;
        if (fastOut < 0) {
            fastOut += slowPeriod;
        }
        if (seen >= slowPeriod) {
            slowSum -= ring[slowOut];
        }
        if (seen >= fastPeriod) {
            fastSum -= ring[fastOut];
        }
        ring[ringPos] = close;
        if (++ringPos == slowPeriod) {
            ringPos = 0;
        }
        slowSum += close;
        fastSum += close;
        seen++;
        if (seen < slowPeriod) {
            return 0;
        }
        double diff = fastSum / fastPeriod - slowSum / slowPeriod;
        return diff > 0 ? 1 : diff < 0 ? -1 : lastSign;
    }

    @Override
    public StrategyState snapshot() {
        int n = Math.min(seen, slowPeriod);
        double[] closes = new double[n];
        for (int i = 0; i < n; i++) {
            closes[i] = ring[(ringPos - n + i + slowPeriod) % slowPeriod];
        }
        return new StrategyState(Map.of("closes", Arrays.stream(closes).mapToObj(Double::toString)
                .collect(Collectors.joining(",")), "lastSign", Integer.toString(lastSign)));
    }

    @Override
    public void restore(StrategyState state) {
        String closes = state.get("closes", "");
        if (!closes.isEmpty()) {
            for (String c : closes.split(",")) {
                update(Double.parseDouble(c));
            }
        }
        lastSign = (int) state.getLong("lastSign", 0);
    }
}
