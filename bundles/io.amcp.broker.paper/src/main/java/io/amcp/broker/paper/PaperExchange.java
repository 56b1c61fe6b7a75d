package io.amcp.broker.paper;

import io.amcp.api.calendar.AlwaysOpenCalendar;
import io.amcp.api.calendar.NyseCalendar;
import io.amcp.api.calendar.TradingCalendar;
import io.amcp.api.model.AssetClass;
import io.amcp.api.model.Bar;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.OrderId;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Quote;
import io.amcp.api.model.Side;
import io.amcp.api.model.TradeTick;
import io.amcp.api.order.OrderAccepted;
import io.amcp.api.order.OrderCanceled;
import io.amcp.api.order.OrderClass;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.order.OrderExpired;
import io.amcp.api.order.OrderFilled;
import io.amcp.api.order.OrderRejected;
import io.amcp.api.order.OrderReplaced;
import io.amcp.api.order.OrderStatus;
import io.amcp.api.order.OrderTriggered;
import io.amcp.api.order.OrderType;
import io.amcp.api.order.ReplaceOrder;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.order.TimeInForce;
import io.amcp.api.spi.BrokerConnector;
import io.amcp.api.spi.BrokerListener;
import io.amcp.api.spi.BrokerStatement;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.MarketDataSink;
import io.amcp.api.spi.PluginStatus;
import io.amcp.core.journal.Journal;
import io.amcp.core.journal.JournalEntry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A paper exchange: matches orders against the market data it is fed, the way a real venue would,
 * and reports {@link OrderEvent}s. Backtests construct it directly; the platform runs it as the
 * {@code io.amcp.broker.paper} DS component.
 *
 * <h2>Contract with the kernel</h2>
 * Everything runs on the caller's (kernel) thread and every event is emitted synchronously to the
 * listener given to {@link #connect}. For each bar the kernel first calls {@link #onBar} (working
 * orders fill on that bar), then marks the portfolio, then calls the strategies; an order submitted
 * while bar {@code t} is the latest bar is accepted at the clock's time (bar {@code t}'s end) and
 * can fill on bar {@code t+1} at the earliest: an order only matches market data stamped strictly
 * after its acceptance. Not thread-safe.
 *
 * <h2>Bars</h2>
 * A bar's time is its end. On an eligible bar:
 * <ul>
 * <li>market: the bar's open;</li>
 * <li>limit: the open if it is already at or better than the limit, else the limit if the bar's
 *     range reaches it (a touch fills);</li>
 * <li>stop: triggers when the range reaches the stop; fills at the open if the bar gapped through
 *     the stop, else at the stop. Stop-limit: once triggered it works as a limit from the trigger
 *     price on, in the same bar and later ones;</li>
 * <li>trailing stop: the stop is {@code best - offset} for a sell ({@code best + offset} for a buy),
 *     where best is the highest high (lowest low) seen since acceptance, starting from the first
 *     eligible bar's open; the offset is {@code trail_price} or {@code trail_percent} of best. A bar
 *     is checked against the stop as it stood before the bar, then its high (low) moves best;</li>
 * <li><b>stop first:</b> on every bar stop-type orders are matched before market orders, and market
 *     orders before limits. So when one bar touches both the stop-loss and the take-profit of a
 *     bracket or OCO pair, the stop-loss fills and the take-profit is canceled: the intrabar path
 *     is unknown and this is the conservative reading.</li>
 * </ul>
 * Quotes: buys execute against the ask, sells against the bid, of the first quote after acceptance
 * (market orders at the touch; limits when the quote crosses them; stops when the touch reaches
 * them), up to the displayed size. Trade prints: the print's price, up to its size.
 *
 * <h2>Frictions</h2>
 * {@link PaperSettings#slippageBps()} moves every liquidity-taking fill (market, triggered stop,
 * trailing stop, market-on-open/close) against the trader; limit prices are never slipped.
 * {@link PaperSettings#maxParticipation()} caps what one instrument's orders may take from a bar
 * (a fraction of its volume, whole shares for equities, ETFs and options when the order is for whole
 * units); the rest stays working and fills on later bars (partial fills). Commission comes from the
 * {@link CommissionModel}.
 *
 * <h2>Time in force and trading hours</h2>
 * Equities, ETFs and options follow {@link NyseCalendar}, crypto {@link AlwaysOpenCalendar}
 * (24/7). A bar (quote, trade) stamped at {@code t} is in the regular session when
 * {@code open < t <= close} on a trading day; so a daily bar, which must be stamped at the
 * session close (as the platform's importers and generator do, 13:00 on early-close days), is the
 * session's bar, and a minute bar ending at 09:30 is pre-market. Orders without
 * {@code extended_hours} only match regular-session data.
 * <ul>
 * <li>DAY: expires at the close of the session it was accepted for (the next session when accepted
 *     after the close); a daily bar stamped at that close still fills it. Orders whose expiry passed
 *     before a bar are expired before that bar is matched.</li>
 * <li>GTC: never expires.</li>
 * <li>IOC: fills what it can on its first eligible bar or quote, the rest is canceled.</li>
 * <li>FOK: fills completely on its first eligible bar or quote, or is canceled.</li>
 * <li>OPG: only the first regular-session bar of the first session that opens after acceptance,
 *     at that bar's open (for a daily bar: the day's open); whatever does not fill there expires.</li>
 * <li>CLS: only the bar that ends at the session close, at its close (for a daily bar: the day's
 *     close); unfilled it expires at the close. Quotes and trades never fill CLS orders.</li>
 * </ul>
 *
 * <h2>Linked orders</h2>
 * For a bracket or OTO order the kernel registers the legs itself as HELD with client order ids
 * {@code <parent>-tp} and {@code <parent>-sl}; this exchange uses exactly those ids. The legs become
 * active ({@link OrderTriggered}, matchable from the next bar) once the entry has filled
 * <em>completely</em>; if the entry is canceled or expires first, even after a partial fill, the held
 * legs are canceled. The two legs of a bracket, and the two legs of an OCO order (both working from
 * the start, each with its own {@link OrderAccepted}; the OCO's own id only names the group, can
 * be canceled as a whole and is no order on the {@linkplain #statement statement}), share one quantity: a fill on one leg reduces what the other may fill,
 * and when the pair's fills reach the quantity the other leg is canceled. Canceling one leg leaves
 * the other working.
 *
 * <h2>Requests that fail</h2>
 * A repeated client order id is rejected with {@code OrderRejected("duplicate client order id")} and
 * never executed. A cancel or replace naming an unknown or finished order is answered with an
 * {@link OrderRejected} for that id saying which; a replace refused for a working order (invalid new
 * values, held leg) is answered with an {@link OrderRejected} for the <em>replacement</em> id, and the
 * working order stays as it was. A replacement carries the quantity still to fill (new total minus
 * what had filled), keeps the original expiry and loses queue priority.
 */
public final class PaperExchange implements BrokerConnector, MarketDataSink {

    private static final long NO_FILL = Long.MIN_VALUE;
    private static final long UNLIMITED = Long.MAX_VALUE;

    private final String id;
    private final Clock clock;
    private final PaperSettings settings;
    private final Function<InstrumentId, Instrument> instruments;
    /** Instruments resolved once each: their books are keyed by them for the exchange's lifetime. */
    private final Map<InstrumentId, Instrument> resolved = new HashMap<>();
    private final long participationRaw;
    private final Map<InstrumentId, Book> books = new HashMap<>();
    private final Map<ClientOrderId, Working> live = new HashMap<>();
    private final Map<ClientOrderId, OrderStatus> known = new HashMap<>();
    private final Map<ClientOrderId, Working[]> ocoGroups = new HashMap<>();
    private final Tape barTape = new Tape();
    private final Tape askTape = new Tape();
    private final Tape bidTape = new Tape();
    private int bookedOrders;
    private BrokerListener listener;
    private long orderSequence;
    private long tradeSequence;
    /**
     * Where a durable exchange records its inputs (orders, cancels, replaces, and the market data it
     * matched while it had orders booked); {@link Journal#NONE} for backtests. The exchange is
     * deterministic, so replaying them rebuilds its exact book after a restart, as a real venue keeps
     * your orders when you disconnect.
     */
    private final Journal journal;
    private final boolean durable;
    private boolean replaying;
    private long replayNow;
    /** Every event emitted (durable exchanges only), in order, for reconciliation. */
    private final List<OrderEvent> emitted = new ArrayList<>();
    /** Order id to the replacement that followed it, to follow replace chains when re-sending. */
    private final Map<ClientOrderId, ClientOrderId> replacedBy = new HashMap<>();
    /** Statuses, fills, positions and cash as this venue's statement reports them. */
    private final VenueAccount account = new VenueAccount();

    /**
     * @param id          connector id, also the prefix of order and trade ids
     * @param clock       the kernel clock (acceptance times)
     * @param settings    slippage, commission, volume cap
     * @param instruments resolves an order's instrument (asset class decides the calendar, multiplier
     *                    the notional); returning null rejects the order
     */
    public PaperExchange(String id, Clock clock, PaperSettings settings,
            Function<InstrumentId, Instrument> instruments) {
        this(id, clock, settings, instruments, Journal.NONE);
    }

    /**
     * A durable exchange: its book is rebuilt from {@code journal} now, and every input is recorded
     * there from now on.
     */
    public PaperExchange(String id, Clock clock, PaperSettings settings,
            Function<InstrumentId, Instrument> instruments, Journal journal) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.durable = journal != Journal.NONE;
        this.id = Objects.requireNonNull(id, "id");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.instruments = Objects.requireNonNull(instruments, "instruments");
        this.participationRaw = settings.maxParticipation() > 0 ? FixedPoint.fromDouble(settings.maxParticipation()) : 0;
        if (durable) {
            restore();
        }
    }

    /** Replays the journal's inputs with events kept for reconciliation but not sent anywhere. */
    private void restore() {
        replaying = true;
        try {
            journal.replay(entry -> {
                if (entry instanceof JournalEntry.VenueOrder o) {
                    replayNow = o.time();
                    submit(o.order());
                } else if (entry instanceof JournalEntry.VenueCancel c) {
                    replayNow = c.time();
                    cancel(c.clientOrderId());
                } else if (entry instanceof JournalEntry.VenueReplace r) {
                    replayNow = r.time();
                    replace(r.replace());
                } else if (entry instanceof JournalEntry.VenueBar b) {
                    onBar(b.bar());
                } else if (entry instanceof JournalEntry.VenueQuote q) {
                    onQuote(q.quote());
                } else if (entry instanceof JournalEntry.VenueTrade t) {
                    onTrade(t.trade());
                }
            });
        } finally {
            replaying = false;
        }
    }

    private long now() {
        return replaying ? replayNow : clock.nanos();
    }

    private void record(Object input) {
        if (durable && !replaying) {
            journal.append(input);
        }
    }

    /**
     * Every event this exchange has emitted, in order, including those rebuilt from its journal
     * (durable exchanges; empty otherwise): the venue's side of a reconciliation.
     */
    public List<OrderEvent> history() {
        return List.copyOf(emitted);
    }

    /**
     * What this venue says the account holds: every order it received by client order id with its
     * status and filled quantity, the net position per instrument, and {@code openingCash} moved by
     * every fill's notional and commission. A durable exchange's statement includes what it rebuilt
     * from its journal. Safe to call from any thread.
     *
     * @param openingCash the account's cash before its first fill
     */
    public BrokerStatement statement(Money openingCash) {
        return statement(openingCash, Long.MIN_VALUE);
    }

    /**
     * {@link #statement(Money)} with the orders bounded to a horizon: those still open and those whose
     * status or fills changed at or after {@code sinceNanos} (the venue's event times). Positions and
     * cash still cover every fill.
     *
     * @param openingCash the account's cash before its first fill
     * @param sinceNanos  the horizon, nanoseconds since the epoch
     */
    public BrokerStatement statement(Money openingCash, long sinceNanos) {
        return account.statement(id, Objects.requireNonNull(openingCash, "openingCash"), sinceNanos);
    }

    /**
     * The statement as the after-hours reconciliation reads it: {@link #statement(Money, long)} from the
     * start of the clock's current exchange day (midnight, New York time), the horizon over which the
     * reconciliation compares orders. Orders that ended on earlier days are left out: the platform's
     * journal compaction forgets those, while their fills stay in positions and cash.
     *
     * @param openingCash the account's cash before its first fill
     */
    public BrokerStatement statementOfTheDay(Money openingCash) {
        ZoneId zone = NyseCalendar.INSTANCE.zone();
        LocalDate today = NyseCalendar.INSTANCE.dateOf(clock.nanos());
        return statement(openingCash, Clock.toNanos(today.atStartOfDay(zone).toInstant()));
    }

    /**
     * Re-sends every event this exchange emitted for the given orders and the orders that replaced
     * them, in their original order; returns the ids it never received.
     */
    @Override
    public Set<ClientOrderId> resend(Collection<ClientOrderId> clientOrderIds) {
        Set<ClientOrderId> unknown = new LinkedHashSet<>();
        Set<ClientOrderId> wanted = new HashSet<>();
        for (ClientOrderId cid : clientOrderIds) {
            if (!known.containsKey(cid)) {
                unknown.add(cid);
                continue;
            }
            ClientOrderId c = cid;
            while (c != null && wanted.add(c)) {
                c = replacedBy.get(c); // follow the replace chain
            }
        }
        for (OrderEvent e : List.copyOf(emitted)) {
            if (wanted.contains(e.clientOrderId())) {
                listener.onOrderEvent(e);
            }
        }
        return unknown;
    }

    /** A paper exchange with id {@code paper}. */
    public PaperExchange(Clock clock, PaperSettings settings, Function<InstrumentId, Instrument> instruments) {
        this("paper", clock, settings, instruments);
    }

    /** A paper exchange with id {@code paper} and instruments inferred from their symbols. */
    public PaperExchange(Clock clock, PaperSettings settings) {
        this("paper", clock, settings, Instrument::infer);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public void connect(BrokerListener l) {
        this.listener = Objects.requireNonNull(l, "listener");
    }

    @Override
    public void disconnect() {
        this.listener = null;
    }

    @Override
    public PluginStatus status() {
        return listener == null ? PluginStatus.offline("not connected") : PluginStatus.ONLINE;
    }

    /** Number of orders working or held (bracket/OTO legs waiting for their entry). */
    public int workingOrders() {
        return live.size();
    }

    // ------------------------------------------------------------------ order entry

    @Override
    public void submit(SubmitOrder order) {
        long now = now();
        record(new JournalEntry.VenueOrder(order, now));
        ClientOrderId cid = order.clientOrderId();
        if (cid == null) {
            throw new IllegalArgumentException("clientOrderId: required by the paper exchange " + id);
        }
        if (known.containsKey(cid)) {
            emit(new OrderRejected(cid, "duplicate client order id", now));
            return;
        }
        Instrument instrument = resolved.computeIfAbsent(order.instrument(), instruments);
        if (order.orderClass() == OrderClass.OCO) {
            submitOco(order, instrument, now);
            return;
        }
        SubmitOrder takeProfit = order.takeProfit() != null ? order.takeProfitLeg() : null;
        SubmitOrder stopLoss = order.stopLoss() != null ? order.stopLossLeg() : null;
        String refusal = refusal(order, instrument);
        for (SubmitOrder leg : new SubmitOrder[] {takeProfit, stopLoss}) {
            if (refusal == null && leg != null && known.containsKey(leg.clientOrderId())) {
                refusal = "duplicate client order id " + leg.clientOrderId();
            }
        }
        if (refusal != null) {
            know(cid, OrderStatus.REJECTED, now);
            emit(new OrderRejected(cid, refusal, now));
            for (SubmitOrder leg : new SubmitOrder[] {takeProfit, stopLoss}) {
                if (leg != null && !known.containsKey(leg.clientOrderId())) {
                    know(leg.clientOrderId(), OrderStatus.REJECTED, now);
                    emit(new OrderRejected(leg.clientOrderId(), "parent rejected: " + refusal, now));
                }
            }
            return;
        }
        Book book = book(instrument);
        Working parent = new Working(order, book, nextOrderId());
        Working tp = takeProfit != null ? held(takeProfit, book, parent, now) : null;
        Working sl = stopLoss != null ? held(stopLoss, book, parent, now) : null;
        if (tp != null && sl != null) {
            tp.sibling = sl;
            sl.sibling = tp;
        }
        accept(parent, now);
    }

    private void submitOco(SubmitOrder order, Instrument instrument, long now) {
        ClientOrderId group = order.clientOrderId();
        SubmitOrder takeProfit = order.takeProfitLeg();
        SubmitOrder stopLoss = order.stopLossLeg();
        if (known.containsKey(takeProfit.clientOrderId()) || known.containsKey(stopLoss.clientOrderId())) {
            known.put(group, OrderStatus.REJECTED);
            emit(new OrderRejected(group, "duplicate client order id (a leg's id is taken)", now));
            return;
        }
        String refusal = refusal(order, instrument);
        if (refusal != null) {
            for (SubmitOrder leg : new SubmitOrder[] {takeProfit, stopLoss}) {
                know(leg.clientOrderId(), OrderStatus.REJECTED, now);
                emit(new OrderRejected(leg.clientOrderId(), refusal, now));
            }
            known.put(group, OrderStatus.REJECTED);
            return;
        }
        known.put(group, OrderStatus.ACCEPTED);
        Book book = book(instrument);
        Working tp = new Working(takeProfit, book, nextOrderId());
        Working sl = new Working(stopLoss, book, nextOrderId());
        tp.sibling = sl;
        sl.sibling = tp;
        tp.group = group;
        sl.group = group;
        ocoGroups.put(group, new Working[] {tp, sl});
        accept(tp, now);
        accept(sl, now);
    }

    /** Why the exchange refuses an order that passed {@link SubmitOrder}'s own validation, or null. */
    private static String refusal(SubmitOrder order, Instrument instrument) {
        if (instrument == null) {
            return "unknown instrument " + order.instrument();
        }
        TimeInForce tif = order.timeInForce();
        if ((tif == TimeInForce.OPG || tif == TimeInForce.CLS)
                && order.type() != OrderType.MARKET && order.type() != OrderType.LIMIT) {
            return "time_in_force: " + tif.name().toLowerCase(Locale.ROOT) + " needs a market or limit order";
        }
        return null;
    }

    private Working held(SubmitOrder leg, Book book, Working parent, long now) {
        Working w = new Working(leg, book, nextOrderId());
        w.held = true;
        parent.children.add(w);
        know(leg.clientOrderId(), OrderStatus.HELD, now);
        live.put(leg.clientOrderId(), w);
        return w;
    }

    private void accept(Working w, long now) {
        activate(w, now);
        emit(new OrderAccepted(w.cid, w.orderId, now));
    }

    /** Puts an order into its book, matchable from the first market data stamped after {@code now}. */
    private void activate(Working w, long now) {
        TradingCalendar cal = w.book.calendar;
        w.held = false;
        w.acceptedAt = now;
        switch (w.order.timeInForce()) {
            case DAY, CLS -> w.expireAt = w.book.sessionCloseFor(now);
            case OPG -> {
                w.opgOpen = cal.nextSessionOpen(now);
                w.expireAt = cal.sessionCloseNanos(cal.dateOf(w.opgOpen));
            }
            default -> w.expireAt = Long.MAX_VALUE;
        }
        know(w.cid, OrderStatus.ACCEPTED, now);
        live.put(w.cid, w);
        w.book.add(w);
        bookedOrders++;
    }

    private Book book(Instrument instrument) {
        return books.computeIfAbsent(instrument.id(), k -> new Book(instrument,
                instrument.assetClass() == AssetClass.CRYPTO ? AlwaysOpenCalendar.INSTANCE : NyseCalendar.INSTANCE));
    }

    private OrderId nextOrderId() {
        return OrderId.of(id + "-" + (++orderSequence));
    }

    @Override
    public void cancel(ClientOrderId clientOrderId) {
        long now = now();
        record(new JournalEntry.VenueCancel(clientOrderId, now));
        Working w = live.get(clientOrderId);
        if (w != null) {
            cancelRest(w, now, "canceled by request");
            return;
        }
        Working[] group = ocoGroups.get(clientOrderId);
        if (group != null) {
            for (Working leg : group) {
                if (!leg.closed) {
                    close(leg, OrderStatus.CANCELED, now);
                    emit(new OrderCanceled(leg.cid, "oco group " + clientOrderId + " canceled by request", now));
                }
            }
            return;
        }
        emit(new OrderRejected(clientOrderId, notWorking("cancel", clientOrderId), now));
    }

    @Override
    public void replace(ReplaceOrder replace) {
        long now = now();
        record(new JournalEntry.VenueReplace(replace, now));
        ClientOrderId oldId = replace.clientOrderId();
        ClientOrderId newId = replace.newClientOrderId();
        Working w = live.get(oldId);
        if (w == null) {
            emit(new OrderRejected(oldId, notWorking("replace", oldId), now));
            return;
        }
        if (known.containsKey(newId)) {
            emit(new OrderRejected(newId, "duplicate client order id", now));
            return;
        }
        // taken from here on, but no order unless the replace succeeds: a refused replace creates none
        // (the kernel books a replacement on OrderReplaced only; Alpaca answers 422 and lists nothing)
        known.put(newId, OrderStatus.REJECTED);
        if (w.held) {
            emit(new OrderRejected(newId, "replace refused: " + oldId + " is a leg waiting for its entry to fill", now));
            return;
        }
        long newTotal = replace.quantity() != null ? replace.quantity().raw() : w.quantity;
        if (newTotal <= w.filled) {
            emit(new OrderRejected(newId, "replace refused: qty " + Quantity.ofRaw(newTotal)
                    + " is not above the filled quantity " + Quantity.ofRaw(w.filled), now));
            return;
        }
        if (!w.children.isEmpty() && newTotal != w.quantity) {
            emit(new OrderRejected(newId, "replace refused: the qty of an entry with bracket/OTO legs cannot change "
                    + "(its legs are sized to it)", now));
            return;
        }
        SubmitOrder.Builder b = w.order.toBuilder().clientOrderId(newId).quantity(Quantity.ofRaw(newTotal - w.filled))
                .orderClass(OrderClass.SIMPLE).takeProfit(null).stopLoss(null);
        if (replace.limitPrice() != null) {
            b.limitPrice(replace.limitPrice());
        }
        if (replace.stopPrice() != null) {
            b.stopPrice(replace.stopPrice());
        }
        SubmitOrder next;
        try {
            next = b.build();
        } catch (IllegalArgumentException e) {
            emit(new OrderRejected(newId, "replace refused: " + e.getMessage(), now));
            return;
        }
        Working r = new Working(next, w.book, nextOrderId());
        r.children.addAll(w.children);
        r.sibling = w.sibling;
        if (r.sibling != null) {
            r.sibling.sibling = r;
        }
        r.group = w.group;
        if (r.group != null) {
            Working[] legs = ocoGroups.get(r.group);
            legs[legs[0] == w ? 0 : 1] = r;
        }
        r.best = w.best;
        r.triggered = w.triggered && replace.stopPrice() == null;
        close(w, OrderStatus.REPLACED, now);
        activate(r, now);
        r.expireAt = w.expireAt;
        r.opgOpen = w.opgOpen;
        emit(new OrderReplaced(oldId, newId, next, r.orderId, now));
    }

    private String notWorking(String action, ClientOrderId cid) {
        OrderStatus status = known.get(cid);
        return status == null ? action + " refused: unknown client order id " + cid
                : action + " refused: order " + cid + " is already " + status.name().toLowerCase(Locale.ROOT);
    }

    // ------------------------------------------------------------------ market data

    /** Matches working orders of the bar's instrument; a near no-op (no allocation) when there are none. */
    @Override
    public void onBar(Bar bar) {
        if (bookedOrders == 0) {
            return;
        }
        Book book = books.get(bar.instrument());
        if (book == null || book.size == 0) {
            return;
        }
        record(new JournalEntry.VenueBar(bar));
        long capacity = participationRaw == 0 ? UNLIMITED : FixedPoint.multiply(bar.volume(), participationRaw);
        barTape.set(bar.open(), bar.high(), bar.low(), bar.close(), capacity);
        process(book, bar.time(), true, barTape, barTape);
    }

    @Override
    public void onQuote(Quote quote) {
        if (bookedOrders == 0) {
            return;
        }
        Book book = books.get(quote.instrument());
        if (book == null || book.size == 0) {
            return;
        }
        record(new JournalEntry.VenueQuote(quote));
        askTape.set(quote.ask(), quote.ask(), quote.ask(), quote.ask(), quote.askSize() > 0 ? quote.askSize() : UNLIMITED);
        bidTape.set(quote.bid(), quote.bid(), quote.bid(), quote.bid(), quote.bidSize() > 0 ? quote.bidSize() : UNLIMITED);
        process(book, quote.time(), false, askTape, bidTape);
    }

    @Override
    public void onTrade(TradeTick trade) {
        if (bookedOrders == 0) {
            return;
        }
        Book book = books.get(trade.instrument());
        if (book == null || book.size == 0) {
            return;
        }
        record(new JournalEntry.VenueTrade(trade));
        barTape.set(trade.price(), trade.price(), trade.price(), trade.price(), trade.size() > 0 ? trade.size() : UNLIMITED);
        process(book, trade.time(), false, barTape, barTape);
    }

    private void process(Book book, long time, boolean isBar, Tape buys, Tape sells) {
        book.session.moveTo(time);
        int n = book.snapshot();
        Working[] orders = book.scratch;
        for (int i = 0; i < n; i++) {
            Working w = orders[i];
            if (!w.closed && w.expireAt < time) {
                expire(w, w.expireAt);
            }
        }
        for (int i = 0; i < n; i++) {
            Working w = orders[i];
            if (!w.closed && w.acceptedAt < time) {
                match(w, time, isBar, w.buy ? buys : sells);
            }
        }
        for (int i = 0; i < n; i++) {
            Working w = orders[i];
            if (!w.closed && w.expireAt <= time) {
                expire(w, w.expireAt);
            }
            orders[i] = null;
        }
    }

    private void match(Working w, long time, boolean isBar, Tape tape) {
        Session session = w.book.session;
        TimeInForce tif = w.order.timeInForce();
        boolean inSession = session.contains(time);
        if (tif == TimeInForce.OPG) {
            if (!inSession || session.open < w.opgOpen) {
                return;
            }
            if (session.open == w.opgOpen) {
                fillAuction(w, tape.open, tape, time);
            }
            if (!w.closed) {
                expire(w, time);
            }
            return;
        }
        if (tif == TimeInForce.CLS) {
            if (isBar && inSession && time == session.close) {
                fillAuction(w, tape.close, tape, time);
            }
            return;
        }
        if (!inSession && !w.order.extendedHours()) {
            return;
        }
        long price = executionPrice(w, tape);
        if (price == NO_FILL) {
            if (tif == TimeInForce.IOC || tif == TimeInForce.FOK) {
                cancelRest(w, time, tif + ": not marketable on its first eligible bar");
            }
            return;
        }
        long remaining = w.remaining();
        long qty = fillable(w, tape);
        if (tif == TimeInForce.FOK && qty < remaining) {
            cancelRest(w, time, "FOK: only " + Quantity.ofRaw(qty) + " of " + Quantity.ofRaw(remaining) + " available");
            return;
        }
        if (qty > 0) {
            fill(w, qty, price, time, tape);
        }
        if (tif == TimeInForce.IOC && !w.closed) {
            cancelRest(w, time, "IOC: unfilled remainder canceled");
        }
    }

    private void fillAuction(Working w, long auctionPrice, Tape tape, long time) {
        long price;
        if (w.order.type() == OrderType.LIMIT) {
            long limit = w.order.limitPrice().raw();
            price = (w.buy ? auctionPrice <= limit : auctionPrice >= limit) ? auctionPrice : NO_FILL;
        } else {
            price = slip(auctionPrice, w.buy);
        }
        long qty = fillable(w, tape);
        if (price != NO_FILL && qty > 0) {
            fill(w, qty, price, time, tape);
        }
    }

    /** The fill price of a non-auction order against this tape, or {@link #NO_FILL}. */
    private long executionPrice(Working w, Tape tape) {
        SubmitOrder o = w.order;
        boolean buy = w.buy;
        switch (o.type()) {
            case MARKET:
                return slip(tape.open, buy);
            case LIMIT:
                return limitFill(tape.open, tape.high, tape.low, o.limitPrice().raw(), buy);
            case STOP:
            case STOP_LIMIT: {
                long start;
                if (w.triggered) {
                    start = tape.open;
                } else {
                    start = stopTrigger(tape, o.stopPrice().raw(), buy);
                    if (start == NO_FILL) {
                        return NO_FILL;
                    }
                    w.triggered = true;
                }
                return o.type() == OrderType.STOP ? slip(start, buy)
                        : limitFill(start, tape.high, tape.low, o.limitPrice().raw(), buy);
            }
            case TRAILING_STOP: {
                if (w.best == 0) {
                    w.best = tape.open;
                }
                long trigger = stopTrigger(tape, trailingStop(w), buy);
                w.best = buy ? Math.min(w.best, tape.low) : Math.max(w.best, tape.high);
                return trigger == NO_FILL ? NO_FILL : slip(trigger, buy);
            }
            default:
                throw new IllegalStateException("unknown order type " + o.type());
        }
    }

    private static long trailingStop(Working w) {
        SubmitOrder o = w.order;
        long offset = o.trailPrice() != null ? o.trailPrice().raw()
                : BigDecimal.valueOf(w.best).multiply(o.trailPercent()).movePointLeft(2)
                        .setScale(0, RoundingMode.HALF_UP).longValueExact();
        return w.buy ? w.best + offset : w.best - offset;
    }

    /** Where a stop triggers on this tape: the open if it gapped through, else the stop; or NO_FILL. */
    private static long stopTrigger(Tape tape, long stop, boolean buy) {
        if (buy) {
            return tape.open >= stop ? tape.open : tape.high >= stop ? stop : NO_FILL;
        }
        return tape.open <= stop ? tape.open : tape.low <= stop ? stop : NO_FILL;
    }

    private static long limitFill(long open, long high, long low, long limit, boolean buy) {
        if (buy) {
            return open <= limit ? open : low <= limit ? limit : NO_FILL;
        }
        return open >= limit ? open : high >= limit ? limit : NO_FILL;
    }

    /** Moves a liquidity-taking price against the trader by the configured basis points. */
    private long slip(long price, boolean buy) {
        if (settings.slippageBps() == 0) {
            return price;
        }
        long delta = Math.round(price * (settings.slippageBps() / 10_000.0));
        return buy ? price + delta : price - delta;
    }

    /** What this order may fill now: its remaining quantity within the tape's capacity. */
    private static long fillable(Working w, Tape tape) {
        long qty = Math.min(w.remaining(), tape.capacity);
        if (w.wholeUnits) {
            qty -= qty % FixedPoint.ONE;
        }
        return Math.max(qty, 0);
    }

    // ------------------------------------------------------------------ fills and bookkeeping

    private void fill(Working w, long qty, long price, long time, Tape tape) {
        if (tape.capacity != UNLIMITED) {
            tape.capacity -= qty;
        }
        long before = w.filled;
        w.filled = Math.addExact(before, qty);
        long commission = settings.commission().commissionRaw(w.book.instrument, qty, price, before);
        emit(new OrderFilled(w.cid, id + "-T" + (++tradeSequence), w.order.instrument(), w.order.side(),
                Quantity.ofRaw(qty), Price.ofRaw(price), Money.ofRaw(commission), time));
        account.fill(w.cid, w.order.instrument(), w.order.side(), qty, price, commission, w.book.instrument.multiplier(), time);
        if (w.remaining() > 0) {
            return;
        }
        boolean complete = w.filled == w.quantity;
        if (complete) {
            close(w, OrderStatus.FILLED, time);
        } else {
            close(w, OrderStatus.CANCELED, time);
            emit(new OrderCanceled(w.cid, "one-cancels-other: the pair's quantity is filled", time));
        }
        Working sibling = w.sibling;
        if (sibling != null && !sibling.closed) {
            close(sibling, OrderStatus.CANCELED, time);
            emit(new OrderCanceled(sibling.cid, "one-cancels-other: " + w.cid + " filled", time));
        }
        if (complete) {
            for (Working child : w.children) {
                if (!child.closed) {
                    activate(child, time);
                    emit(new OrderTriggered(child.cid, child.orderId, time));
                }
            }
        }
    }

    private void cancelRest(Working w, long time, String reason) {
        close(w, OrderStatus.CANCELED, time);
        emit(new OrderCanceled(w.cid, reason, time));
        cancelHeldChildren(w, "parent canceled", time);
    }

    private void expire(Working w, long time) {
        close(w, OrderStatus.EXPIRED, time);
        emit(new OrderExpired(w.cid, time));
        cancelHeldChildren(w, "parent expired", time);
    }

    private void cancelHeldChildren(Working w, String reason, long time) {
        for (Working child : w.children) {
            if (!child.closed) {
                close(child, OrderStatus.CANCELED, time);
                emit(new OrderCanceled(child.cid, reason, time));
            }
        }
    }

    /**
     * Records the venue's status of an order, for its own checks and for its statement. An OCO
     * order's group id is no order (the kernel books its legs only), so its status goes to
     * {@link #known} alone: taken as an id, cancelable as a group, never on a statement; so does the
     * new id of a replace the venue refused.
     */
    private void know(ClientOrderId cid, OrderStatus status, long time) {
        known.put(cid, status);
        account.status(cid, status, time);
    }

    private void close(Working w, OrderStatus status, long time) {
        if (w.closed) {
            return;
        }
        w.closed = true;
        live.remove(w.cid);
        know(w.cid, status, time);
        if (!w.held) {
            w.book.remove(w);
            bookedOrders--;
        }
        if (w.group != null && status != OrderStatus.REPLACED) {
            Working[] legs = ocoGroups.get(w.group);
            if (legs != null && legs[0].closed && legs[1].closed) {
                ocoGroups.remove(w.group);
                boolean filled = legs[0].filled > 0 || legs[1].filled > 0;
                known.put(w.group, filled ? OrderStatus.FILLED : status);
            }
        }
    }

    private void emit(OrderEvent event) {
        if (durable) {
            emitted.add(event);
            if (event instanceof OrderReplaced r) {
                replacedBy.put(r.clientOrderId(), r.replacement());
            }
        }
        if (replaying) {
            return;
        }
        BrokerListener l = listener;
        if (l == null) {
            throw new IllegalStateException("paper exchange " + id + " is not connected");
        }
        l.onOrderEvent(event);
    }

    // ------------------------------------------------------------------ state

    /** The prices one side of the market offers for one event, and how much it can still take. */
    private static final class Tape {
        long open;
        long high;
        long low;
        long close;
        long capacity;

        void set(long o, long h, long l, long c, long cap) {
            open = o;
            high = h;
            low = l;
            close = c;
            capacity = cap;
        }
    }

    /** The calendar day a timestamp falls in, cached so that consecutive bars of one day cost nothing. */
    private static final class Session {
        private final TradingCalendar calendar;
        private final ZoneId zone;
        private long dayStart = Long.MAX_VALUE;
        private long dayEnd = Long.MIN_VALUE;
        private boolean tradingDay;
        long open;
        long close;

        Session(TradingCalendar calendar) {
            this.calendar = calendar;
            this.zone = calendar.zone();
        }

        /** Positions on the day of an event stamped {@code time} (an event at midnight ends the day before). */
        void moveTo(long time) {
            long t = time - 1;
            if (t >= dayStart && t < dayEnd) {
                return;
            }
            LocalDate date = calendar.dateOf(t);
            dayStart = Clock.toNanos(date.atStartOfDay(zone).toInstant());
            dayEnd = Clock.toNanos(date.plusDays(1).atStartOfDay(zone).toInstant());
            tradingDay = calendar.isTradingDay(date);
            open = tradingDay ? calendar.sessionOpenNanos(date) : Long.MAX_VALUE;
            close = tradingDay ? calendar.sessionCloseNanos(date) : Long.MIN_VALUE;
        }

        /** Whether an event stamped {@code time} (the day {@link #moveTo} chose) is in the regular session. */
        boolean contains(long time) {
            return tradingDay && time > open && time <= close;
        }
    }

    /** The working orders of one instrument, stops first, then market, then limit, each by arrival. */
    private static final class Book {
        final Instrument instrument;
        final TradingCalendar calendar;
        final Session session;
        Working[] orders = new Working[4];
        Working[] scratch = new Working[4];
        int size;

        private long closeValidFrom = Long.MAX_VALUE;
        private long close = Long.MIN_VALUE;

        Book(Instrument instrument, TradingCalendar calendar) {
            this.instrument = instrument;
            this.calendar = calendar;
            this.session = new Session(calendar);
        }

        /**
         * {@link TradingCalendar#sessionCloseFor}, i.e. the first session close after {@code now}: the
         * same answer holds for every time from the asking time up to that close, so it is cached.
         */
        long sessionCloseFor(long now) {
            if (now < closeValidFrom || now >= close) {
                close = calendar.sessionCloseFor(now);
                closeValidFrom = now;
            }
            return close;
        }

        void add(Working w) {
            if (size == orders.length) {
                orders = Arrays.copyOf(orders, size * 2);
            }
            int at = size;
            while (at > 0 && orders[at - 1].rank > w.rank) {
                at--;
            }
            System.arraycopy(orders, at, orders, at + 1, size - at);
            orders[at] = w;
            size++;
        }

        void remove(Working w) {
            for (int i = 0; i < size; i++) {
                if (orders[i] == w) {
                    System.arraycopy(orders, i + 1, orders, i, size - i - 1);
                    orders[--size] = null;
                    return;
                }
            }
        }

        /** Copies the orders into {@link #scratch} (stable while matching changes the book). */
        int snapshot() {
            if (scratch.length < size) {
                scratch = new Working[orders.length];
            }
            System.arraycopy(orders, 0, scratch, 0, size);
            return size;
        }
    }

    /** One order the exchange holds. */
    private static final class Working {
        final SubmitOrder order;
        final ClientOrderId cid;
        final Book book;
        final OrderId orderId;
        final long quantity;
        final boolean buy;
        final boolean wholeUnits;
        final int rank;
        final List<Working> children = new ArrayList<>(2);
        Working sibling;
        ClientOrderId group;
        long acceptedAt = Long.MAX_VALUE;
        long expireAt = Long.MAX_VALUE;
        long opgOpen;
        long filled;
        long best;
        boolean held;
        boolean triggered;
        boolean closed;

        Working(SubmitOrder order, Book book, OrderId orderId) {
            this.order = order;
            this.cid = order.clientOrderId();
            this.book = book;
            this.orderId = orderId;
            this.quantity = order.quantity().raw();
            this.buy = order.side() == Side.BUY;
            this.wholeUnits = book.instrument.assetClass() != AssetClass.CRYPTO && order.quantity().isWhole();
            this.rank = switch (order.type()) {
                case STOP, STOP_LIMIT, TRAILING_STOP -> 0;
                case MARKET -> 1;
                case LIMIT -> 2;
            };
        }

        /** What may still fill: the quantity less this order's fills and its OCO partner's. */
        long remaining() {
            return quantity - filled - (sibling != null ? sibling.filled : 0);
        }
    }
}
