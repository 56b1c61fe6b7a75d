package io.amcp.broker.paper;

import io.amcp.api.calendar.AlwaysOpenCalendar;
import io.amcp.api.calendar.NyseCalendar;
import io.amcp.api.calendar.TradingCalendar;
import io.amcp.api.model.AssetClass;
import io.amcp.api.model.Bar;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.OrderId;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Quote;
import io.amcp.api.model.Side;
import io.amcp.api.order.OrderAccepted;
import io.amcp.api.order.OrderCanceled;
import io.amcp.api.order.OrderClass;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.order.OrderExpired;
import io.amcp.api.order.OrderFilled;
import io.amcp.api.order.OrderRejected;
import io.amcp.api.order.OrderReplaced;
import io.amcp.api.order.OrderTriggered;
import io.amcp.api.order.OrderType;
import io.amcp.api.order.ReplaceOrder;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.order.TimeInForce;
import io.amcp.api.spi.BrokerConnector;
import io.amcp.api.spi.BrokerListener;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.MarketDataSink;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A paper exchange that matches orders against market data the way a real venue would.
 *
 * <h2>Bars</h2>
 * An order is eligible from the first bar that ends after it was accepted, so a decision taken on a
 * bar fills on the next one at the earliest. On an eligible bar:
 * <ul>
 * <li>market: the bar's open (plus adverse slippage);</li>
 * <li>limit: the open if it is already at or better than the limit, else the limit if the bar's
 *     range reaches it;</li>
 * <li>stop: triggers when the range reaches the stop; fills at the open if the bar gapped through
 *     the stop, else at the stop (plus slippage); stop-limit: once triggered works as a limit in the
 *     same bar;</li>
 * <li>trailing stop: the stop is {@code best - offset} (sell) or {@code best + offset} (buy), where
 *     best is the most favourable high/low since acceptance; it is checked against a bar before the
 *     bar updates it;</li>
 * <li>stop orders are matched before limit orders on each bar, so when one bar touches both the
 *     stop-loss and the take-profit of a bracket/OCO pair, <b>the stop fills first</b> and the
 *     take-profit is canceled: the conservative reading of an unknown intrabar path.</li>
 * </ul>
 * Quotes: market orders fill at the next quote's ask (buy) or bid (sell); limits when the quote
 * crosses them.
 *
 * <h2>Time in force and hours</h2>
 * DAY orders expire at the close of the session they were accepted for (the next session when
 * accepted after the close); GTC never expires; IOC fills what it can on its first eligible bar
 * and cancels the rest; FOK fills completely on its first eligible bar or is canceled; OPG fills
 * only at the open of the first session that starts after acceptance, else expires; CLS fills at
 * the close of a bar that ends at the session close. Equities, ETFs and options follow the NYSE
 * calendar and fill only on bars that end inside the regular session unless the order allows
 * extended hours (a daily bar, stamped at the close, counts as inside); crypto trades 24/7.
 *
 * <h2>Linked orders</h2>
 * Bracket/OTO legs are held until the entry fills completely; they then become active (eligible
 * from the next bar) and the two legs of a bracket work as an OCO pair. OCO orders work both legs
 * at once; leg ids are {@code <id>-tp} and {@code <id>-sl}.
 *
 * <p>All events are emitted synchronously on the calling (kernel) thread. A repeated client order
 * id is rejected and never executed twice. Not thread-safe: call from the kernel thread only.
 */
public final class PaperExchange implements BrokerConnector, MarketDataSink {

    private final String id;
    private final Clock clock;
    private final PaperSettings settings;
    private final Function<InstrumentId, Instrument> instruments;
    private final Map<InstrumentId, List<Working>> working = new HashMap<>();
    private final Map<ClientOrderId, Working> byId = new HashMap<>();
    private final Set<ClientOrderId> seen = new HashSet<>();
    private BrokerListener listener;
    private long orderSequence;
    private long tradeSequence;

    public PaperExchange(String id, Clock clock, PaperSettings settings,
            Function<InstrumentId, Instrument> instruments) {
        this.id = id;
        this.clock = clock;
        this.settings = settings;
        this.instruments = instruments;
    }

    /** A paper exchange with default id {@code paper} and instruments inferred from symbols. */
    public PaperExchange(Clock clock, PaperSettings settings) {
        this("paper", clock, settings, Instrument::infer);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public void connect(BrokerListener l) {
        this.listener = l;
    }

    @Override
    public void disconnect() {
        this.listener = null;
    }

    /** Number of orders working or held. */
    public int workingOrders() {
        return byId.size();
    }

    // ------------------------------------------------------------------ order entry

    @Override
    public void submit(SubmitOrder order) {
        long now = clock.nanos();
        ClientOrderId cid = order.clientOrderId();
        if (cid == null) {
            throw new IllegalArgumentException("clientOrderId: required by the paper exchange");
        }
        if (!seen.add(cid)) {
            emit(new OrderRejected(cid, "duplicate client order id", now));
            return;
        }
        Instrument instrument = instruments.apply(order.instrument());
        if (order.orderClass() == OrderClass.OCO) {
            Working tp = accept(order.takeProfitLeg(), instrument, now);
            Working sl = accept(order.stopLossLeg(), instrument, now);
            tp.sibling = sl;
            sl.sibling = tp;
            return;
        }
        Working parent = accept(order, instrument, now);
        if (order.takeProfit() != null) {
            parent.children.add(held(order.takeProfitLeg(), instrument));
        }
        if (order.stopLoss() != null) {
            parent.children.add(held(order.stopLossLeg(), instrument));
        }
        if (parent.children.size() == 2) {
            parent.children.get(0).sibling = parent.children.get(1);
            parent.children.get(1).sibling = parent.children.get(0);
        }
    }

    private Working accept(SubmitOrder order, Instrument instrument, long now) {
        Working w = new Working(order, instrument, OrderId.of(id + "-" + (++orderSequence)));
        seen.add(order.clientOrderId());
        activate(w, now);
        emit(new OrderAccepted(order.clientOrderId(), w.orderId, now));
        return w;
    }

    private Working held(SubmitOrder order, Instrument instrument) {
        Working w = new Working(order, instrument, OrderId.of(id + "-" + (++orderSequence)));
        seen.add(order.clientOrderId());
        byId.put(order.clientOrderId(), w);
        return w;
    }

    private void activate(Working w, long now) {
        w.acceptedAt = now;
        w.held = false;
        w.expireAt = w.order.timeInForce() == TimeInForce.DAY || w.order.timeInForce() == TimeInForce.CLS
                ? calendar(w.instrument).sessionCloseFor(now) : Long.MAX_VALUE;
        byId.put(w.order.clientOrderId(), w);
        working.computeIfAbsent(w.order.instrument(), k -> new ArrayList<>()).add(w);
    }

    @Override
    public void cancel(ClientOrderId clientOrderId) {
        Working w = byId.get(clientOrderId);
        long now = clock.nanos();
        if (w == null) {
            emit(new OrderRejected(clientOrderId, "cancel refused: no working order with this id", now));
            return;
        }
        close(w);
        emit(new OrderCanceled(clientOrderId, "canceled by request", now));
        cancelChildren(w, "parent canceled", now);
    }

    @Override
    public void replace(ReplaceOrder replace) {
        Working w = byId.get(replace.clientOrderId());
        long now = clock.nanos();
        if (w == null || w.held) {
            emit(new OrderRejected(replace.clientOrderId(), "replace refused: no working order with this id", now));
            return;
        }
        if (!seen.add(replace.newClientOrderId())) {
            emit(new OrderRejected(replace.clientOrderId(), "replace refused: duplicate client order id "
                    + replace.newClientOrderId(), now));
            return;
        }
        SubmitOrder old = w.order;
        Quantity qty = replace.quantity() != null ? replace.quantity()
                : Quantity.ofRaw(old.quantity().raw() - w.filledRaw);
        SubmitOrder.Builder b = old.toBuilder().clientOrderId(replace.newClientOrderId()).quantity(qty);
        if (replace.limitPrice() != null) {
            b.limitPrice(replace.limitPrice());
        }
        if (replace.stopPrice() != null) {
            b.stopPrice(replace.stopPrice());
        }
        SubmitOrder next;
        try {
            next = b.orderClass(OrderClass.SIMPLE).takeProfit(null).stopLoss(null).build();
        } catch (IllegalArgumentException e) {
            emit(new OrderRejected(replace.clientOrderId(), "replace refused: " + e.getMessage(), now));
            return;
        }
        close(w);
        Working r = new Working(next, w.instrument, OrderId.of(id + "-" + (++orderSequence)));
        r.children.addAll(w.children);
        r.sibling = w.sibling;
        if (r.sibling != null) {
            r.sibling.sibling = r;
        }
        activate(r, now);
        emit(new OrderReplaced(replace.clientOrderId(), replace.newClientOrderId(), next, r.orderId, now));
    }

    // ------------------------------------------------------------------ matching

    @Override
    public void onBar(Bar bar) {
        List<Working> list = working.get(bar.instrument());
        if (list == null || list.isEmpty()) {
            return;
        }
        long time = bar.time();
        long volumeLeft = settings.maxParticipation() > 0
                ? (long) (bar.volume() * settings.maxParticipation()) : Long.MAX_VALUE;
        List<Working> snapshot = new ArrayList<>(list);
        snapshot.sort((a, b) -> Integer.compare(a.matchRank(), b.matchRank()));
        for (Working w : snapshot) {
            if (w.closed || w.acceptedAt >= time) {
                continue;
            }
            volumeLeft -= matchOnBar(w, bar, volumeLeft);
        }
        for (Working w : new ArrayList<>(list)) {
            if (!w.closed && w.expireAt <= time) {
                close(w);
                emit(new OrderExpired(w.order.clientOrderId(), time));
                cancelChildren(w, "parent expired", time);
            }
        }
    }

    /** Matches one order against one bar; returns the quantity filled (raw). */
    private long matchOnBar(Working w, Bar bar, long volumeLeft) {
        SubmitOrder o = w.order;
        TradingCalendar cal = calendar(w.instrument);
        if (!o.extendedHours() && !cal.isOpen(bar.time())) {
            return 0;
        }
        boolean firstChance = !w.hadChance;
        w.hadChance = true;
        TimeInForce tif = o.timeInForce();
        long price;
        if (tif == TimeInForce.OPG) {
            long open = Clock.toNanos(cal.sessionOpen(cal.dateOf(bar.time())));
            if (w.acceptedAt >= open) {
                expire(w, bar.time());
                return 0;
            }
            price = auctionPrice(o, bar.open());
        } else if (tif == TimeInForce.CLS) {
            long close = Clock.toNanos(cal.sessionClose(cal.dateOf(bar.time())));
            if (bar.time() != close) {
                return 0;
            }
            price = auctionPrice(o, bar.close());
        } else {
            price = priceOnBar(w, bar);
        }
        long remaining = o.quantity().raw() - w.filledRaw;
        if (price <= 0) {
            if (firstChance && (tif == TimeInForce.IOC || tif == TimeInForce.FOK)) {
                cancelUnfilled(w, bar.time(), tif + ": no fill on the first eligible bar");
            }
            return 0;
        }
        long qty = Math.min(remaining, Math.max(0, volumeLeft));
        if (tif == TimeInForce.FOK && qty < remaining) {
            cancelUnfilled(w, bar.time(), "FOK: not enough volume to fill completely");
            return 0;
        }
        if (qty <= 0) {
            if (firstChance && tif == TimeInForce.IOC) {
                cancelUnfilled(w, bar.time(), "IOC: no volume left on the first eligible bar");
            }
            return 0;
        }
        fill(w, qty, price, bar.time());
        if (!w.closed && tif == TimeInForce.IOC) {
            cancelUnfilled(w, bar.time(), "IOC: unfilled remainder canceled");
        }
        return qty;
    }

    /** The fill price of a non-auction order on this bar, or 0 for no fill. */
    private long priceOnBar(Working w, Bar bar) {
        SubmitOrder o = w.order;
        boolean buy = o.side() == Side.BUY;
        switch (o.type()) {
            case MARKET:
                return slip(bar.open(), buy, 0);
            case LIMIT:
                return limitPrice(bar.open(), bar.high(), bar.low(), o.limitPrice().raw(), buy);
            case STOP:
            case STOP_LIMIT: {
                long trigger = stopTrigger(bar, o.stopPrice().raw(), buy);
                if (trigger <= 0 && !w.triggered) {
                    return 0;
                }
                w.triggered = true;
                long start = trigger > 0 ? trigger : bar.open();
                if (o.type() == OrderType.STOP) {
                    return slip(start, buy, 0);
                }
                return limitPrice(start, bar.high(), bar.low(), o.limitPrice().raw(), buy);
            }
            case TRAILING_STOP: {
                if (w.best == 0) {
                    w.best = bar.open();
                }
                long stop = trailingStop(w, buy);
                long trigger = stopTrigger(bar, stop, buy);
                w.best = buy ? Math.min(w.best, bar.low()) : Math.max(w.best, bar.high());
                return trigger > 0 ? slip(trigger, buy, 0) : 0;
            }
            default:
                throw new IllegalStateException("unknown order type " + o.type());
        }
    }

    private long trailingStop(Working w, boolean buy) {
        SubmitOrder o = w.order;
        long offset = o.trailPrice() != null ? o.trailPrice().raw()
                : new BigDecimal(w.best).multiply(o.trailPercent()).movePointLeft(2).longValue();
        return buy ? w.best + offset : w.best - offset;
    }

    /** Where a stop triggers on this bar (open if gapped through, else the stop), or 0. */
    private static long stopTrigger(Bar bar, long stop, boolean buy) {
        if (buy) {
            return bar.open() >= stop ? bar.open() : bar.high() >= stop ? stop : 0;
        }
        return bar.open() <= stop ? bar.open() : bar.low() <= stop ? stop : 0;
    }

    private static long limitPrice(long open, long high, long low, long limit, boolean buy) {
        if (buy) {
            return open <= limit ? open : low <= limit ? limit : 0;
        }
        return open >= limit ? open : high >= limit ? limit : 0;
    }

    private long auctionPrice(SubmitOrder o, long auction) {
        boolean buy = o.side() == Side.BUY;
        if (o.type() == OrderType.LIMIT) {
            long limit = o.limitPrice().raw();
            return (buy ? auction <= limit : auction >= limit) ? auction : 0;
        }
        return slip(auction, buy, 0);
    }

    /** Applies adverse slippage; a non-zero {@code cap} is a limit the price may not cross. */
    private long slip(long price, boolean buy, long cap) {
        if (settings.slippageBps() == 0) {
            return price;
        }
        long delta = Math.round(price * (settings.slippageBps() / 10_000.0));
        long slipped = buy ? price + delta : price - delta;
        if (cap > 0) {
            slipped = buy ? Math.min(slipped, cap) : Math.max(slipped, cap);
        }
        return slipped;
    }

    @Override
    public void onQuote(Quote quote) {
        List<Working> list = working.get(quote.instrument());
        if (list == null || list.isEmpty()) {
            return;
        }
        for (Working w : new ArrayList<>(list)) {
            if (w.closed || w.acceptedAt >= quote.time()) {
                continue;
            }
            SubmitOrder o = w.order;
            boolean buy = o.side() == Side.BUY;
            long touch = buy ? quote.ask() : quote.bid();
            long size = buy ? quote.askSize() : quote.bidSize();
            long price = switch (o.type()) {
                case MARKET -> touch;
                case LIMIT -> (buy ? touch <= o.limitPrice().raw() : touch >= o.limitPrice().raw()) ? touch : 0;
                case STOP -> (buy ? touch >= o.stopPrice().raw() : touch <= o.stopPrice().raw()) ? touch : 0;
                default -> 0;
            };
            long remaining = o.quantity().raw() - w.filledRaw;
            long qty = size > 0 ? Math.min(remaining, size) : remaining;
            if (price > 0 && qty > 0) {
                fill(w, qty, price, quote.time());
            }
        }
    }

    // ------------------------------------------------------------------ fills and bookkeeping

    private void fill(Working w, long qtyRaw, long priceRaw, long time) {
        w.filledRaw += qtyRaw;
        long commission = settings.commission().commissionRaw(w.instrument, qtyRaw, priceRaw);
        emit(new OrderFilled(w.order.clientOrderId(), id + "-T" + (++tradeSequence), w.order.instrument(),
                w.order.side(), Quantity.ofRaw(qtyRaw), Price.ofRaw(priceRaw), Money.ofRaw(commission), time));
        if (w.filledRaw < w.order.quantity().raw()) {
            return;
        }
        close(w);
        if (w.sibling != null && !w.sibling.closed) {
            Working s = w.sibling;
            close(s);
            emit(new OrderCanceled(s.order.clientOrderId(), "one-cancels-other: " + w.order.clientOrderId()
                    + " filled", time));
        }
        for (Working child : w.children) {
            activate(child, time);
            emit(new OrderTriggered(child.order.clientOrderId(), child.orderId, time));
        }
    }

    private void cancelUnfilled(Working w, long time, String reason) {
        close(w);
        emit(new OrderCanceled(w.order.clientOrderId(), reason, time));
        cancelChildren(w, "parent canceled", time);
    }

    private void expire(Working w, long time) {
        close(w);
        emit(new OrderExpired(w.order.clientOrderId(), time));
        cancelChildren(w, "parent expired", time);
    }

    private void cancelChildren(Working w, String reason, long time) {
        for (Working child : w.children) {
            if (!child.closed) {
                close(child);
                emit(new OrderCanceled(child.order.clientOrderId(), reason, time));
            }
        }
    }

    private void close(Working w) {
        w.closed = true;
        byId.remove(w.order.clientOrderId());
        List<Working> list = working.get(w.order.instrument());
        if (list != null) {
            list.remove(w);
        }
    }

    private static TradingCalendar calendar(Instrument instrument) {
        return instrument.assetClass() == AssetClass.CRYPTO ? AlwaysOpenCalendar.INSTANCE : NyseCalendar.INSTANCE;
    }

    private void emit(OrderEvent event) {
        BrokerListener l = listener;
        if (l == null) {
            throw new IllegalStateException("paper exchange " + id + " is not connected");
        }
        l.onOrderEvent(event);
    }

    /** One order the exchange holds. */
    private static final class Working {
        final SubmitOrder order;
        final Instrument instrument;
        final OrderId orderId;
        final List<Working> children = new ArrayList<>(2);
        Working sibling;
        long acceptedAt = Long.MAX_VALUE;
        long expireAt = Long.MAX_VALUE;
        long filledRaw;
        long best;
        boolean held = true;
        boolean triggered;
        boolean hadChance;
        boolean closed;

        Working(SubmitOrder order, Instrument instrument, OrderId orderId) {
            this.order = order;
            this.instrument = instrument;
            this.orderId = orderId;
        }

        /** Stops (incl. trailing) match before everything else on a bar: the stop-first rule. */
        int matchRank() {
            return switch (order.type()) {
                case STOP, STOP_LIMIT, TRAILING_STOP -> 0;
                case MARKET -> 1;
                case LIMIT -> 2;
            };
        }
    }
}
