package ${package};

import io.amcp.api.model.Bar;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.portfolio.PositionView;
import io.amcp.api.spi.Strategy;
import io.amcp.api.spi.StrategyContext;
import io.amcp.api.spi.StrategyState;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Long-only channel breakout: buys {@code quantity} when a close rises above the highest of the
 * previous {@code lookback} closes while flat, and sells the whole position when a close falls below
 * the lowest of them. Orders are market orders; they fill on the next bar at the earliest.
 *
 * <p>Runs on the kernel thread only: no locks, no blocking, time only from the context's clock.
 * Snapshot: the closes of the channel, so a hot-swapped version resumes without a warm-up.
 */
@Component(service = Strategy.class, configurationPid = "${pid}", configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = BreakoutConfig.class, factory = true)
public final class BreakoutStrategy implements Strategy {

    private final StrategyId id;
    private final InstrumentId instrument;
    private final int lookback;
    private final Quantity quantity;
    private final ArrayDeque<Double> channel = new ArrayDeque<>();
    private StrategyContext context;
    private boolean entryWorking;

    public BreakoutStrategy(StrategyId id, InstrumentId instrument, int lookback, Quantity quantity) {
        if (lookback < 2) {
            throw new IllegalArgumentException("lookback: must be at least 2, was " + lookback);
        }
        if (!quantity.isPositive()) {
            throw new IllegalArgumentException("quantity: must be positive, was " + quantity);
        }
        this.id = id;
        this.instrument = instrument;
        this.lookback = lookback;
        this.quantity = quantity;
    }

    @Activate
    public BreakoutStrategy(BreakoutConfig config) {
        this(StrategyId.of(config.id()), InstrumentId.of(config.symbol()), config.lookback(),
                Quantity.of(config.quantity()));
    }

    @Override
    public StrategyId id() {
        return id;
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
        double close = bar.closeAsDouble();
        if (channel.size() == lookback) {
            PositionView position = context.position(instrument);
            entryWorking = entryWorking && position.isFlat() && !context.openOrders().isEmpty();
            double high = channel.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            double low = channel.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            if (close > high && position.isFlat() && !entryWorking) {
                context.submit(SubmitOrder.market(instrument, Side.BUY, quantity));
                entryWorking = true;
            } else if (close < low && position.quantity().isPositive()) {
                context.submit(SubmitOrder.market(instrument, Side.SELL, position.quantity()));
            }
            channel.removeFirst();
        }
        channel.addLast(close);
    }

    @Override
    public StrategyState snapshot() {
        return new StrategyState(Map.of("channel",
                channel.stream().map(String::valueOf).collect(Collectors.joining(","))));
    }

    @Override
    public void restore(StrategyState state) {
        channel.clear();
        String closes = state.get("channel", "");
        if (!closes.isEmpty()) {
            for (String close : closes.split(",")) {
                channel.addLast(Double.parseDouble(close));
            }
        }
        while (channel.size() > lookback) {
            channel.removeFirst();
        }
    }
}
