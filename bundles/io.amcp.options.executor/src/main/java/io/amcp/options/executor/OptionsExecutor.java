package io.amcp.options.executor;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.order.OrderCanceled;
import io.amcp.api.order.OrderDenied;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.order.OrderExpired;
import io.amcp.api.order.OrderFilled;
import io.amcp.api.order.OrderRejected;
import io.amcp.api.order.OrderType;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.order.TimeInForce;
import io.amcp.api.spi.StrategyContext;
import io.amcp.options.OptionType;
import io.amcp.options.chain.ChainQuote;
import io.amcp.options.chain.OptionContract;
import io.amcp.options.chain.OptionChain;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Opens, manages and closes multi-leg option structures for one strategy, through its
 * {@link StrategyContext}. Use it only on the kernel thread: call {@link #open} and {@link #manage}
 * from the strategy's market-data callbacks and forward every {@code onOrderEvent} to
 * {@link #onOrderEvent}.
 *
 * <h2>Atomic submission</h2>
 * A structure's legs are submitted as one limit order each, all within the same call and thus the
 * same kernel event, so the risk chain sees them together and no market data can arrive between
 * them. "Atomic" means exactly that, plus: if any opening leg is denied by risk, rejected by the
 * venue, canceled or expires, the structure's other working legs are canceled and the legs that did
 * fill are closed again ({@link ExitReason#LEG_FAILED}). Venues here have no native multi-leg order
 * book, so a leg can still fill before a sibling is rejected; the unwind bounds that exposure.
 *
 * <h2>Prices</h2>
 * Each leg's limit is the mid of its chain quote moved toward the touch by
 * {@link ExitRules#priceConcession()} of the half spread, rounded to the cent in the strategy's
 * favour: 0 rests at mid, 1 meets the touch (buy at the ask, sell at the bid). Orders are DAY orders.
 *
 * <h2>Expiry</h2>
 * On the expiration date of a structure's nearest leg every leg still open is closed against that
 * date's chain, in which expiring series are quoted at intrinsic value (see
 * {@link io.amcp.options.chain.ChainSpec}); legs of later expiries (a calendar's far leg) are closed
 * at their market quote. How the expiring legs settle is {@link ExitRules#settlement()}:
 * <ul>
 * <li>{@link ExpirySettlement#CASH} (index options; reason {@link ExitReason#EXPIRY_SETTLEMENT}):
 *     every expiring leg is closed at its settlement quote and nothing else happens.</li>
 * <li>{@link ExpirySettlement#PHYSICAL} (equity and ETF options; reason
 *     {@link ExitReason#EXERCISE_ASSIGNMENT}): a leg is in the money when its intrinsic value at the
 *     chain's spot {@code S} is at least {@link #EXERCISE_THRESHOLD} ($0.01, as the OCC's
 *     exercise-by-exception rule exercises long positions; a short is assumed assigned on the same
 *     rule). Each in-the-money leg delivers {@code multiplier x contracts} shares at its strike
 *     {@code K}: long call +, short call -, long put -, short put +. Out-of-the-money legs expire.
 *     The structure's deliveries are netted per underlying, so a spread whose legs are both in the
 *     money delivers no shares, only the strike difference in cash.</li>
 * </ul>
 *
 * <h3>How a physical settlement is booked</h3>
 * The kernel books only fills reported by the venue, and the paper exchange fills only against market
 * data (never at a price named by the trader), so a delivery at {@code K} cannot be booked as such.
 * The executor books the economically identical pair instead, through the ordinary order path:
 * every in-the-money leg is closed at its settlement quote, intrinsic {@code |S - K|}, and the net
 * delivery is one MARKET DAY order in the underlying for the net shares. On a venue that fills it at
 * {@code S} (the backtests' {@link io.amcp.options.chain.ChainReplay} prints the underlying's close
 * again at the close for this) the cash per delivered share is {@code +-(S - K) -+ S = -+K}: exactly
 * an exercise or assignment at the strike, and the position is the delivered shares. What differs
 * from a real OCC exercise, and how much:
 * <ul>
 * <li>the ledger shows two trades per leg (the option closed at intrinsic, the shares traded at
 *     {@code S}) instead of the option vanishing and the shares arriving at {@code K}: the same cash,
 *     position and equity, but the shares' average cost is {@code S} (not {@code K}) and the option's
 *     intrinsic value is realised P&amp;L on the option;</li>
 * <li>the settlement quote is the intrinsic value rounded to the cent, so when {@code S} has more than
 *     two decimals the cash differs from {@code K} by under half a cent per share;</li>
 * <li>an out-of-the-money leg cannot close at 0 (a {@link io.amcp.api.model.Quote} must be positive):
 *     it closes at the minimum quote of 0.01, $1 per contract away from expiring worthless, the same as
 *     under cash settlement;</li>
 * <li>the underlying order is a market order through the risk chain: a venue with spread or
 *     slippage, or one that fills it after the close (a live session, where it waits for the next
 *     session), books the shares at another price than {@code S}, and that difference lands in the
 *     cash; a risk rule can deny it, which no assignment can be. A delivery that did not fill is
 *     resubmitted on every {@link #manage} until it has, and the structure stays
 *     {@link StructureState#CLOSING} until then;</li>
 * <li>no exercise or assignment fee: both trades pay the venue's ordinary commission;</li>
 * <li>the shares are booked on the expiration date, not the next business day, and early exercise
 *     of American options is not modelled.</li>
 * </ul>
 */
public final class OptionsExecutor {

    /** The least intrinsic value at which an expiring leg is exercised or assigned: $0.01 (OCC). */
    public static final double EXERCISE_THRESHOLD = 0.01;

    private final StrategyContext context;
    private final ExitRules rules;
    private final List<Managed> structures = new ArrayList<>();
    private final Map<ClientOrderId, LegOrder> orders = new HashMap<>();
    private final Set<ClientOrderId> working = new HashSet<>();
    private final List<StructureView> finished = new ArrayList<>();
    private int sequence;

    public OptionsExecutor(StrategyContext context, ExitRules rules) {
        this.context = Objects.requireNonNull(context, "context");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    public ExitRules rules() {
        return rules;
    }

    /**
     * Submits every leg of {@code structure}, {@code quantity} units, priced from {@code chain}.
     *
     * @return the structure's id
     * @throws IllegalArgumentException naming {@code quantity} or {@code structure} (a leg not in the chain)
     */
    public String open(OptionStructure structure, int quantity, OptionChain chain) {
        Objects.requireNonNull(structure, "structure");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity: must be positive, was " + quantity);
        }
        List<ChainQuote> quotes = new ArrayList<>();
        for (StructureLeg leg : structure.legs()) {
            quotes.add(chain.find(leg.contract().id()).orElseThrow(() -> new IllegalArgumentException(
                    "structure: leg " + leg.contract().id() + " is not listed in the chain of " + chain.date())));
        }
        Managed m = new Managed(structure.name() + "-" + (++sequence), structure, quantity);
        structures.add(m);
        for (int i = 0; i < quotes.size() && !m.legFailed; i++) {
            StructureLeg leg = structure.legs().get(i);
            submit(m, i, true, leg.side(), (long) quantity * leg.ratio(), quotes.get(i));
        }
        if (m.legFailed) {
            cancelWorkingOpeningLegs(m);
            advance(m);
        }
        return m.id;
    }

    /** The limit price of a leg per {@link ExitRules#priceConcession()}, rounded to the cent in the trader's favour. */
    public static double limitPrice(ChainQuote quote, Side side, double concession) {
        double half = (quote.ask() - quote.bid()) / 2;
        double cents = side == Side.BUY ? Math.floor((quote.mid() + concession * half) * 100 + 1e-6)
                : Math.ceil((quote.mid() - concession * half) * 100 - 1e-6);
        return Math.max(0.01, cents / 100);
    }

    private void submit(Managed m, int leg, boolean opening, Side side, long contracts, ChainQuote quote) {
        ClientOrderId id = ClientOrderId.of(context.strategyId().value() + "-" + m.id + (opening ? "-o" : "-c") + leg
                + (opening ? "" : "-" + (++m.closeAttempts)));
        orders.put(id, new LegOrder(m, leg, opening, contracts));
        working.add(id);
        if (opening) {
            m.openIds[leg] = id;
        } else {
            m.closeIds[leg] = id;
        }
        SubmitOrder order = SubmitOrder.builder(quote.contract().id(), side, Quantity.of(contracts))
                .type(OrderType.LIMIT)
                .limitPrice(Price.of(limitPrice(quote, side, rules.priceConcession())))
                .timeInForce(TimeInForce.DAY).clientOrderId(id).build();
        try {
            context.submit(order);
        } catch (RuntimeException e) {
            working.remove(id);
            if (opening) {
                m.legFailed = true;
            }
        }
    }

    /** Applies an order event to the structure it belongs to; events of other orders are ignored. */
    public void onOrderEvent(OrderEvent event) {
        LegOrder order = orders.get(event.clientOrderId());
        if (order == null) {
            return;
        }
        Managed m = order.structure;
        if (order.delivery != null) {
            if (event instanceof OrderFilled f) {
                long shares = Math.round(f.quantity().toDouble()) * (f.side() == Side.BUY ? 1 : -1);
                order.delivery.filled += shares;
                order.delivery.cost += shares * f.price().toDouble();
                order.filled += Math.abs(shares);
                if (order.filled >= order.contracts) {
                    working.remove(event.clientOrderId());
                }
            } else if (event instanceof OrderRejected || event instanceof OrderDenied || event instanceof OrderCanceled
                    || event instanceof OrderExpired) {
                working.remove(event.clientOrderId());
            }
            advance(m);
            return;
        }
        if (event instanceof OrderFilled f) {
            long contracts = Math.round(f.quantity().toDouble());
            double notional = f.price().toDouble() * contracts;
            if (order.opening) {
                m.openFilled[order.leg] += contracts;
                m.openNotional[order.leg] += notional;
            } else {
                m.closeFilled[order.leg] += contracts;
                m.closeNotional[order.leg] += notional;
            }
            order.filled += contracts;
            if (order.filled >= order.contracts) {
                working.remove(event.clientOrderId());
            }
            advance(m);
        } else if (event instanceof OrderRejected || event instanceof OrderDenied || event instanceof OrderCanceled
                || event instanceof OrderExpired) {
            working.remove(event.clientOrderId());
            if (order.opening && m.state == StructureState.OPENING && !m.legFailed) {
                m.legFailed = true;
                cancelWorkingOpeningLegs(m);
            }
            advance(m);
        }
    }

    private void cancelWorkingOpeningLegs(Managed m) {
        for (ClientOrderId id : m.openIds) {
            if (id != null && working.contains(id)) {
                context.cancel(id);
            }
        }
    }

    private boolean anyWorking(ClientOrderId[] ids) {
        for (ClientOrderId id : ids) {
            if (id != null && working.contains(id)) {
                return true;
            }
        }
        return false;
    }

    private void advance(Managed m) {
        if (m.state == StructureState.OPENING) {
            if (m.legFailed) {
                if (!anyWorking(m.openIds)) {
                    m.reason = ExitReason.LEG_FAILED;
                    m.state = m.openContracts() == 0 ? StructureState.CLOSED : StructureState.CLOSING;
                }
            } else if (m.fullyOpen()) {
                m.state = StructureState.OPEN;
            }
        }
        if (m.state == StructureState.CLOSING && m.remainingContracts() == 0 && !anyWorking(m.closeIds)
                && deliveriesDone(m)) {
            m.state = StructureState.CLOSED;
        }
    }

    /**
     * Applies {@link #rules()} to every open structure at {@code chain}'s prices and (re)submits the
     * closing legs of structures being closed.
     *
     * @return the structures whose closing began in this call
     */
    public List<StructureView> manage(OptionChain chain) {
        List<StructureView> closing = new ArrayList<>();
        for (Managed m : structures) {
            advance(m);
            if (m.state == StructureState.OPEN) {
                ExitReason reason = exitReason(m, chain);
                if (reason != null) {
                    m.state = StructureState.CLOSING;
                    m.reason = reason;
                    closing.add(m.view());
                }
            }
            if (m.state == StructureState.CLOSING && rules.settlement() == ExpirySettlement.PHYSICAL
                    && !m.deliveriesPlanned && !m.structure.nearestExpiry().isAfter(chain.date())) {
                planDeliveries(m, chain);
            }
            if (m.state == StructureState.CLOSING) {
                submitDeliveries(m);
                submitClosingLegs(m, chain);
            }
        }
        for (Managed m : structures) {
            if (m.state == StructureState.CLOSED) {
                finished.add(m.view());
            }
        }
        structures.removeIf(m -> m.state == StructureState.CLOSED);
        return closing;
    }

    /** Starts closing an open structure at the next {@link #manage} (reason {@link ExitReason#REQUESTED}). */
    public void close(String structureId) {
        for (Managed m : structures) {
            if (m.id.equals(structureId) && m.state == StructureState.OPEN) {
                m.state = StructureState.CLOSING;
                m.reason = ExitReason.REQUESTED;
                return;
            }
        }
        throw new IllegalArgumentException("structureId: no open structure " + structureId);
    }

    private ExitReason exitReason(Managed m, OptionChain chain) {
        long days = m.structure.nearestExpiry().toEpochDay() - chain.date().toEpochDay();
        if (days <= 0) {
            return rules.settlement() == ExpirySettlement.PHYSICAL ? ExitReason.EXERCISE_ASSIGNMENT
                    : ExitReason.EXPIRY_SETTLEMENT;
        }
        if (rules.rollDaysBeforeExpiry() >= 0 && days <= rules.rollDaysBeforeExpiry()) {
            return ExitReason.ROLL;
        }
        if (rules.closeDaysBeforeExpiry() >= 0 && days <= rules.closeDaysBeforeExpiry()) {
            return ExitReason.CLOSE_BEFORE_EXPIRY;
        }
        double closeCost = 0;
        for (StructureLeg leg : m.structure.legs()) {
            Optional<ChainQuote> q = chain.find(leg.contract().id());
            if (q.isEmpty()) {
                return null;
            }
            closeCost += leg.premiumSign() * leg.ratio() * q.get().mid();
        }
        double entry = m.entryPremium();
        double pnl = entry - closeCost;
        double basis = Math.abs(entry);
        if (rules.stopMultiple() > 0 && -pnl >= rules.stopMultiple() * basis) {
            return ExitReason.STOP_LOSS;
        }
        if (rules.profitTarget() > 0 && pnl >= rules.profitTarget() * basis) {
            return ExitReason.PROFIT_TARGET;
        }
        return null;
    }

    private void submitClosingLegs(Managed m, OptionChain chain) {
        for (int i = 0; i < m.structure.legs().size(); i++) {
            long remaining = m.openFilled[i] - m.closeFilled[i];
            ClientOrderId last = m.closeIds[i];
            if (remaining <= 0 || (last != null && working.contains(last))) {
                continue;
            }
            StructureLeg leg = m.structure.legs().get(i);
            Optional<ChainQuote> q = chain.find(leg.contract().id());
            if (q.isPresent()) {
                submit(m, i, false, leg.side().opposite(), remaining, q.get());
            }
        }
        advance(m);
    }

    /**
     * The shares each expiring in-the-money leg delivers at {@code chain}'s spot, netted per underlying
     * (also for a structure whose closing began earlier and still holds expiring contracts):
     * {@code multiplier x contracts still open}, + for a long call or a short put, - for a short call
     * or a long put.
     */
    private static void planDeliveries(Managed m, OptionChain chain) {
        m.deliveriesPlanned = true;
        for (int i = 0; i < m.structure.legs().size(); i++) {
            StructureLeg leg = m.structure.legs().get(i);
            OptionContract c = leg.contract();
            long open = m.openFilled[i] - m.closeFilled[i];
            if (open <= 0 || c.expiry().isAfter(chain.date()) || c.intrinsic(chain.spot()) < EXERCISE_THRESHOLD - 1e-9) {
                continue;
            }
            int direction = (leg.side() == Side.BUY ? 1 : -1) * (c.type() == OptionType.CALL ? 1 : -1);
            long shares = direction * open * c.instrument().multiplier();
            m.deliveries.computeIfAbsent(c.underlying(), u -> new Delivery()).target += shares;
        }
    }

    private void submitDeliveries(Managed m) {
        m.deliveries.forEach((underlying, d) -> {
            long remaining = d.target - d.filled;
            if (remaining == 0 || (d.lastId != null && working.contains(d.lastId))) {
                return;
            }
            ClientOrderId id = ClientOrderId.of(context.strategyId().value() + "-" + m.id + "-d-" + (++d.attempts));
            LegOrder order = new LegOrder(m, -1, false, Math.abs(remaining));
            order.delivery = d;
            orders.put(id, order);
            working.add(id);
            d.lastId = id;
            try {
                context.submit(SubmitOrder.builder(underlying, remaining > 0 ? Side.BUY : Side.SELL,
                        Quantity.of(Math.abs(remaining))).type(OrderType.MARKET).timeInForce(TimeInForce.DAY)
                        .clientOrderId(id).build());
            } catch (RuntimeException e) {
                working.remove(id);
            }
        });
    }

    private boolean deliveriesDone(Managed m) {
        for (Delivery d : m.deliveries.values()) {
            if (d.filled != d.target || (d.lastId != null && working.contains(d.lastId))) {
                return false;
            }
        }
        return true;
    }

    /** The series of every structure not yet closed: pass them to the chain so they stay quoted. */
    public List<OptionContract> heldContracts() {
        List<OptionContract> out = new ArrayList<>();
        for (Managed m : structures) {
            if (m.state != StructureState.CLOSED) {
                m.structure.legs().forEach(l -> out.add(l.contract()));
            }
        }
        return out;
    }

    /** Every structure not yet closed, oldest first. */
    public List<StructureView> structures() {
        return structures.stream().filter(m -> m.state != StructureState.CLOSED).map(Managed::view).toList();
    }

    /** Every structure closed so far, in the order they were closed. */
    public List<StructureView> closed() {
        List<StructureView> all = new ArrayList<>(finished);
        structures.stream().filter(m -> m.state == StructureState.CLOSED).map(Managed::view).forEach(all::add);
        return all;
    }

    /** True when no structure is opening, open or closing. */
    public boolean isFlat() {
        return structures.stream().allMatch(m -> m.state == StructureState.CLOSED);
    }

    /** One order of one leg. */
    private static final class LegOrder {
        final Managed structure;
        final int leg;
        final boolean opening;
        final long contracts;
        long filled;
        /** The delivery this underlying order books, or null for an option leg's order. */
        Delivery delivery;

        LegOrder(Managed structure, int leg, boolean opening, long contracts) {
            this.structure = structure;
            this.leg = leg;
            this.opening = opening;
            this.contracts = contracts;
        }
    }

    /** The net underlying delivery of one structure's expiring legs, in shares (signed: + received). */
    private static final class Delivery {
        long target;
        long filled;
        double cost;
        int attempts;
        ClientOrderId lastId;
    }

    /** The mutable state of one structure. */
    private static final class Managed {
        final String id;
        final OptionStructure structure;
        final int quantity;
        final long[] openFilled;
        final long[] closeFilled;
        final double[] openNotional;
        final double[] closeNotional;
        final ClientOrderId[] openIds;
        final ClientOrderId[] closeIds;
        final Map<InstrumentId, Delivery> deliveries = new LinkedHashMap<>();
        boolean deliveriesPlanned;
        StructureState state = StructureState.OPENING;
        ExitReason reason;
        boolean legFailed;
        int closeAttempts;

        Managed(String id, OptionStructure structure, int quantity) {
            this.id = id;
            this.structure = structure;
            this.quantity = quantity;
            int n = structure.legs().size();
            openFilled = new long[n];
            closeFilled = new long[n];
            openNotional = new double[n];
            closeNotional = new double[n];
            openIds = new ClientOrderId[n];
            closeIds = new ClientOrderId[n];
        }

        boolean fullyOpen() {
            for (int i = 0; i < openFilled.length; i++) {
                if (openFilled[i] < (long) quantity * structure.legs().get(i).ratio()) {
                    return false;
                }
            }
            return true;
        }

        long openContracts() {
            long sum = 0;
            for (long f : openFilled) {
                sum += f;
            }
            return sum;
        }

        long remainingContracts() {
            long sum = 0;
            for (int i = 0; i < openFilled.length; i++) {
                sum += openFilled[i] - closeFilled[i];
            }
            return sum;
        }

        /** Premium received per structure unit on opening (average fill prices x ratios). */
        double entryPremium() {
            return perUnit(openNotional);
        }

        double exitCost() {
            return perUnit(closeNotional);
        }

        private double perUnit(double[] notional) {
            double sum = 0;
            for (int i = 0; i < notional.length; i++) {
                sum += structure.legs().get(i).premiumSign() * notional[i];
            }
            return sum / quantity;
        }

        StructureView view() {
            long shares = 0;
            double cost = 0;
            for (Delivery d : deliveries.values()) {
                shares += d.filled;
                cost += d.cost;
            }
            return new StructureView(id, structure, quantity, state, entryPremium(), exitCost(), reason, shares, cost);
        }
    }
}
