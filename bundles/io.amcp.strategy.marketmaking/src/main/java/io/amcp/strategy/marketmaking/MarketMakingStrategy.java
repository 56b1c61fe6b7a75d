package io.amcp.strategy.marketmaking;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Quote;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderStatus;
import io.amcp.api.order.OrderType;
import io.amcp.api.order.OrderView;
import io.amcp.api.order.ReplaceOrder;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.order.TimeInForce;
import io.amcp.api.spi.Strategy;
import io.amcp.api.spi.StrategyContext;
import io.amcp.api.spi.StrategyState;
import java.util.Map;
import java.util.function.Function;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Quotes both sides of one instrument on top-of-book data. Following Avellaneda and Stoikov (2008),
 * quotes are centred on a reservation price {@code r = mid - q x gamma x sigma^2 x T} (q the signed
 * inventory), here with T a fixed horizon so the skew is linear: {@code skewPerUnit = gamma x sigma^2
 * x T} per unit of inventory. The bid is {@code r - halfSpread} rounded down to the tick, the ask
 * {@code r + halfSpread} rounded up. A long inventory moves both quotes down (selling becomes
 * likelier), a short one up.
 *
 * <p>Each side is one GTC limit order of {@code quoteSize}, cut so that a complete fill cannot take
 * the inventory beyond {@code maxInventory}; a side with no room is canceled. Quotes are revised
 * (replace through the context, or a new order when none is working) when the mid has moved more
 * than {@code requoteThreshold} since the last revision, or the inventory has changed.
 *
 * <p>Snapshot: the mid and inventory of the last revision and the order-id sequence, so a new version
 * keeps the working orders and never reuses a client order id.
 */
@Component(service = Strategy.class, configurationPid = "io.amcp.strategy.marketmaking",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = MarketMakingConfig.class, factory = true)
public final class MarketMakingStrategy implements Strategy {

    private final StrategyId id;
    private final InstrumentId instrument;
    private final long halfSpread;
    private final double skewPerUnit;
    private final long quoteSize;
    private final long maxInventory;
    private final long requoteThreshold;
    private final long tick;
    private long lastMid = Long.MIN_VALUE;
    private long lastInventory;
    private long sequence;
    private StrategyContext context;

    /** Parameters of one instance; see {@link MarketMakingConfig} for their meaning. */
    public record Parameters(Price halfSpread, double riskAversion, double volatility, double horizonSeconds,
            Quantity quoteSize, Quantity maxInventory, Price requoteThreshold, Price tickSize) {

        /**
         * @throws IllegalArgumentException naming the parameter at fault
         */
        public Parameters {
            if (halfSpread == null || !halfSpread.isPositive()) {
                throw new IllegalArgumentException("halfSpread: must be positive, was " + halfSpread);
            }
            requireNonNegative("riskAversion", riskAversion);
            requireNonNegative("volatility", volatility);
            requireNonNegative("horizonSeconds", horizonSeconds);
            if (quoteSize == null || !quoteSize.isPositive()) {
                throw new IllegalArgumentException("quoteSize: must be positive, was " + quoteSize);
            }
            if (maxInventory == null || maxInventory.compareTo(quoteSize) < 0) {
                throw new IllegalArgumentException("maxInventory: must be at least quoteSize (" + quoteSize + "), was "
                        + maxInventory);
            }
            if (requoteThreshold == null || requoteThreshold.raw() < 0) {
                throw new IllegalArgumentException("requoteThreshold: must not be negative, was " + requoteThreshold);
            }
            if (tickSize == null || !tickSize.isPositive()) {
                throw new IllegalArgumentException("tickSize: must be positive, was " + tickSize);
            }
        }

        private static void requireNonNegative(String field, double value) {
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException(field + ": must be finite and not negative, was " + value);
            }
        }

        /** gamma x sigma^2 x T: how far the reservation price moves per unit of inventory. */
        public double skewPerUnit() {
            return riskAversion * volatility * volatility * horizonSeconds;
        }
    }

    public MarketMakingStrategy(StrategyId id, InstrumentId instrument, Parameters p) {
        if (id == null) {
            throw new IllegalArgumentException("id: is required");
        }
        if (instrument == null) {
            throw new IllegalArgumentException("symbol: is required");
        }
        this.id = id;
        this.instrument = instrument;
        this.halfSpread = p.halfSpread().raw();
        this.skewPerUnit = p.skewPerUnit();
        this.quoteSize = p.quoteSize().raw();
        this.maxInventory = p.maxInventory().raw();
        this.requoteThreshold = p.requoteThreshold().raw();
        this.tick = p.tickSize().raw();
    }

    @Activate
    public MarketMakingStrategy(MarketMakingConfig config) {
        this(StrategyId.of(config.id()), InstrumentId.of(config.symbol()), new Parameters(
                parse("halfSpread", config.halfSpread(), Price::of), config.riskAversion(), config.volatility(),
                config.horizonSeconds(), parse("quoteSize", config.quoteSize(), Quantity::of),
                parse("maxInventory", config.maxInventory(), Quantity::of),
                parse("requoteThreshold", config.requoteThreshold(), Price::of),
                parse("tickSize", config.tickSize(), Price::of)));
    }

    private static <T> T parse(String field, String text, Function<String, T> parser) {
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

    @Override
    public void onStart(StrategyContext ctx) {
        this.context = ctx;
        ctx.subscribe(instrument);
    }

    @Override
    public void onQuote(Quote quote) {
        if (!quote.instrument().equals(instrument)) {
            return;
        }
        long mid = quote.mid();
        long inventory = context.position(instrument).quantity().raw();
        boolean moved = lastMid == Long.MIN_VALUE || Math.abs(mid - lastMid) > requoteThreshold;
        if (!moved && inventory == lastInventory) {
            return;
        }
        lastMid = mid;
        lastInventory = inventory;
        long reservation = mid - FixedPoint.fromDouble(FixedPoint.toDouble(inventory) * skewPerUnit);
        long bid = Math.floorDiv(reservation - halfSpread, tick) * tick;
        long ask = -Math.floorDiv(-(reservation + halfSpread), tick) * tick;
        quoteSide(Side.BUY, bid, Math.min(quoteSize, maxInventory - inventory));
        quoteSide(Side.SELL, ask, Math.min(quoteSize, maxInventory + inventory));
    }

    /** Brings this side's working order to {@code price} x {@code size}, or cancels it when it has no room. */
    private void quoteSide(Side side, long price, long size) {
        OrderView working = working(side);
        if (size <= 0 || price <= 0) {
            if (working != null) {
                context.cancel(working.clientOrderId());
            }
            return;
        }
        if (working == null) {
            context.submit(SubmitOrder.builder(instrument, side, Quantity.ofRaw(size)).type(OrderType.LIMIT)
                    .limitPrice(Price.ofRaw(price)).timeInForce(TimeInForce.GTC).clientOrderId(nextId()).build());
            return;
        }
        boolean samePrice = working.request().limitPrice().raw() == price;
        boolean sameSize = working.leavesQuantity().raw() == size;
        if (samePrice && sameSize) {
            return;
        }
        context.replace(new ReplaceOrder(working.clientOrderId(), nextId(),
                sameSize ? null : working.filledQuantity().plus(Quantity.ofRaw(size)),
                samePrice ? null : Price.ofRaw(price), null));
    }

    private OrderView working(Side side) {
        for (OrderView o : context.openOrders()) {
            if (o.request().instrument().equals(instrument) && o.request().side() == side
                    && o.status() != OrderStatus.HELD && o.status() != OrderStatus.PENDING_CANCEL) {
                return o;
            }
        }
        return null;
    }

    private ClientOrderId nextId() {
        return ClientOrderId.of(id.value() + "-mm-" + (++sequence));
    }

    @Override
    public StrategyState snapshot() {
        return new StrategyState(Map.of("lastMid", Long.toString(lastMid), "lastInventory",
                Long.toString(lastInventory), "sequence", Long.toString(sequence)));
    }

    @Override
    public void restore(StrategyState state) {
        lastMid = state.getLong("lastMid", Long.MIN_VALUE);
        lastInventory = state.getLong("lastInventory", 0);
        sequence = state.getLong("sequence", 0);
    }
}
