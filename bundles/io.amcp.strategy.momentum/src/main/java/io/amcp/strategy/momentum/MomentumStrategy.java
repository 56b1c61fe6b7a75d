package io.amcp.strategy.momentum;

import io.amcp.analytics.indicators.BollingerBands;
import io.amcp.analytics.indicators.RateOfChange;
import io.amcp.api.model.Bar;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderStatus;
import io.amcp.api.order.OrderView;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.Strategy;
import io.amcp.api.spi.StrategyContext;
import io.amcp.api.spi.StrategyState;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Time-series momentum with volatility targeting (Moskowitz, Ooi and Pedersen 2012). On a rebalance
 * bar the direction is the sign of the {@code lookback}-bar return of closes (long when positive;
 * short when negative if {@code allowShort}, else flat) and the size is
 * {@code capital x min(maxLeverage, targetVolatility / realisedVolatility) / close}, rounded down to
 * whole lots, where the realised volatility is the population standard deviation of the last
 * {@code volatilityWindow} log returns times {@code sqrt(periodsPerYear)}. The difference to the
 * current position is sent as one market order (so it fills at the next bar's open at the earliest).
 *
 * <p>The first rebalance is on the first bar where both the return and the volatility are defined,
 * then every {@code rebalanceBars} bars; a rebalance bar that finds an order still working is retried
 * on the next bar.
 *
 * <p>Indicators: {@link RateOfChange} for the lookback return, {@link BollingerBands} over log returns
 * for their rolling population standard deviation.
 *
 * <p>Snapshot: the last {@code max(lookback, volatilityWindow) + 1} closes and the bars since the last
 * rebalance; both indicators are windowed, so replaying those closes restores them exactly.
 */
@Component(service = Strategy.class, configurationPid = "io.amcp.strategy.momentum",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = MomentumConfig.class, factory = true)
public final class MomentumStrategy implements Strategy {

    private final StrategyId id;
    private final InstrumentId instrument;
    private final int lookback;
    private final int volatilityWindow;
    private final double targetVolatility;
    private final double maxLeverage;
    private final int rebalanceBars;
    private final double periodsPerYear;
    private final boolean allowShort;
    private final Money capital;
    private final Quantity lotSize;
    private final double[] history;
    private int historyNext;
    private long seen;
    private double previousClose = Double.NaN;
    private int barsSinceRebalance;
    private RateOfChange momentum;
    private BollingerBands returns;
    private StrategyContext context;

    /** Parameters of one instance; see {@link MomentumConfig} for their meaning. */
    public record Parameters(int lookback, int volatilityWindow, double targetVolatility, double maxLeverage,
            int rebalanceBars, double periodsPerYear, boolean allowShort, Money capital, Quantity lotSize) {

        /**
         * @throws IllegalArgumentException naming the parameter at fault
         */
        public Parameters {
            if (lookback < 1) {
                throw new IllegalArgumentException("lookback: must be at least 1, was " + lookback);
            }
            if (volatilityWindow < 2) {
                throw new IllegalArgumentException("volatilityWindow: must be at least 2, was " + volatilityWindow);
            }
            if (!(targetVolatility > 0) || Double.isInfinite(targetVolatility)) {
                throw new IllegalArgumentException("targetVolatility: must be positive and finite, was "
                        + targetVolatility);
            }
            if (!(maxLeverage > 0) || Double.isInfinite(maxLeverage)) {
                throw new IllegalArgumentException("maxLeverage: must be positive and finite, was " + maxLeverage);
            }
            if (rebalanceBars < 1) {
                throw new IllegalArgumentException("rebalanceBars: must be at least 1, was " + rebalanceBars);
            }
            if (!(periodsPerYear > 0) || Double.isInfinite(periodsPerYear)) {
                throw new IllegalArgumentException("periodsPerYear: must be positive and finite, was " + periodsPerYear);
            }
            if (capital == null || capital.raw() <= 0) {
                throw new IllegalArgumentException("capital: must be positive, was " + capital);
            }
            if (lotSize == null || !lotSize.isPositive()) {
                throw new IllegalArgumentException("lotSize: must be positive, was " + lotSize);
            }
        }
    }

    public MomentumStrategy(StrategyId id, InstrumentId instrument, Parameters p) {
        if (id == null) {
            throw new IllegalArgumentException("id: is required");
        }
        if (instrument == null) {
            throw new IllegalArgumentException("symbol: is required");
        }
        this.id = id;
        this.instrument = instrument;
        this.lookback = p.lookback();
        this.volatilityWindow = p.volatilityWindow();
        this.targetVolatility = p.targetVolatility();
        this.maxLeverage = p.maxLeverage();
        this.rebalanceBars = p.rebalanceBars();
        this.periodsPerYear = p.periodsPerYear();
        this.allowShort = p.allowShort();
        this.capital = p.capital();
        this.lotSize = p.lotSize();
        this.history = new double[Math.max(lookback, volatilityWindow) + 1];
        this.momentum = RateOfChange.of(lookback);
        this.returns = BollingerBands.of(volatilityWindow, 1.0);
        this.barsSinceRebalance = rebalanceBars;
    }

    @Activate
    public MomentumStrategy(MomentumConfig config) {
        this(StrategyId.of(config.id()), InstrumentId.of(config.symbol()),
                new Parameters(config.lookback(), config.volatilityWindow(), config.targetVolatility(),
                        config.maxLeverage(), config.rebalanceBars(), config.periodsPerYear(), config.allowShort(),
                        parse("capital", config.capital(), Money::of), parse("lotSize", config.lotSize(), Quantity::of)));
    }

    private static <T> T parse(String field, String text, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(field + ": not a number: '" + text + "'", e);
        }
    }

    @Override
    public StrategyId id() {
        return id;
    }

    /** Instrument traded. */
    public InstrumentId instrument() {
        return instrument;
    }

    /** This instance's parameters. */
    public Parameters parameters() {
        return new Parameters(lookback, volatilityWindow, targetVolatility, maxLeverage, rebalanceBars, periodsPerYear,
                allowShort, capital, lotSize);
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
        update(close);
        if (!momentum.isReady() || !returns.isReady()) {
            return;
        }
        barsSinceRebalance++;
        if (barsSinceRebalance < rebalanceBars || hasWorkingOrder()) {
            return;
        }
        barsSinceRebalance = 0;
        Quantity target = targetQuantity(close);
        Quantity delta = target.minus(context.position(instrument).quantity());
        if (delta.isPositive()) {
            context.submit(SubmitOrder.market(instrument, Side.BUY, delta));
        } else if (delta.isNegative()) {
            context.submit(SubmitOrder.market(instrument, Side.SELL, delta.abs()));
        }
    }

    /** The signed position the signal asks for at {@code close}. */
    private Quantity targetQuantity(double close) {
        double lookbackReturn = momentum.value();
        int direction = lookbackReturn > 0 ? 1 : lookbackReturn < 0 && allowShort ? -1 : 0;
        if (direction == 0) {
            return Quantity.ZERO;
        }
        double realised = returns.standardDeviation() * Math.sqrt(periodsPerYear);
        double leverage = realised > 0 ? Math.min(maxLeverage, targetVolatility / realised) : maxLeverage;
        double units = capital.toDouble() * leverage / close;
        long lots = (long) Math.floor(units / lotSize.toDouble());
        long raw = Math.multiplyExact(lots, lotSize.raw());
        return Quantity.ofRaw(direction * raw);
    }

    private void update(double close) {
        momentum.update(close);
        if (!Double.isNaN(previousClose)) {
            returns.update(Math.log(close / previousClose));
        }
        previousClose = close;
        history[historyNext] = close;
        historyNext = historyNext + 1 == history.length ? 0 : historyNext + 1;
        seen++;
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
        int n = (int) Math.min(seen, history.length);
        StringBuilder closes = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                closes.append(',');
            }
            closes.append(history[(historyNext - n + i + history.length) % history.length]);
        }
        return new StrategyState(Map.of("closes", closes.toString(),
                "barsSinceRebalance", Integer.toString(barsSinceRebalance)));
    }

    @Override
    public void restore(StrategyState state) {
        momentum = RateOfChange.of(lookback);
        returns = BollingerBands.of(volatilityWindow, 1.0);
        previousClose = Double.NaN;
        historyNext = 0;
        seen = 0;
        String closes = state.get("closes", "");
        if (!closes.isEmpty()) {
            for (String c : closes.split(",")) {
                update(Double.parseDouble(c));
            }
        }
        barsSinceRebalance = (int) state.getLong("barsSinceRebalance", rebalanceBars);
    }
}
