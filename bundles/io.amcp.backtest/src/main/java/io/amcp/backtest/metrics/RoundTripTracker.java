package io.amcp.backtest.metrics;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.Side;
import io.amcp.api.order.OrderFilled;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pairs fills into round-trip {@link Trade}s, first in first out, per instrument.
 *
 * <p>Every entry order opens a lot; further fills of the same order are averaged into it while no
 * part of it has been closed yet. A fill on the opposite side closes lots from the oldest on; a
 * fill larger than the open position closes it completely and opens a lot on the other side with
 * the rest (a flip). Each (entry lot, exit order) pair becomes one trade, so an exit order filled
 * in several parts against one lot gives one trade with the quantity-weighted exit price and the
 * time of the last part.
 *
 * <p>Commissions are split in proportion to quantity: a lot carries its entry commission until it
 * is closed, and an exit fill's commission is shared among the lots it closes (and the lot it
 * opens on a flip). A trade's pnl is {@code sign x (exit - entry) x quantity} minus both shares.
 * Quantities are matched in exact fixed-point units; prices and money are doubles.
 *
 * <p>Fills repeated with the same venue trade id are ignored. Not thread-safe: feed it from one
 * thread (the kernel thread, or after the run).
 */
public final class RoundTripTracker {

    private final Map<String, ArrayDeque<Lot>> lotsBySymbol = new HashMap<>();
    private final Map<String, OpenExit> lastExitBySymbol = new HashMap<>();
    private final List<ClosedTrade> closed = new ArrayList<>();
    private final Set<String> seenTradeIds = new HashSet<>();
    private long nextLotId;

    /** Pairs a complete fill history. */
    public static List<Trade> pair(Iterable<OrderFilled> fills) {
        RoundTripTracker tracker = new RoundTripTracker();
        for (OrderFilled fill : fills) {
            tracker.onFill(fill);
        }
        return tracker.trades();
    }

    /** Books one fill. Fills must arrive in time order per instrument. */
    public void onFill(OrderFilled fill) {
        if (fill == null) {
            throw new IllegalArgumentException("fill: must not be null");
        }
        if (fill.tradeId() != null && !seenTradeIds.add(fill.tradeId())) {
            return;
        }
        String symbol = fill.instrument().value();
        ArrayDeque<Lot> lots = lotsBySymbol.computeIfAbsent(symbol, s -> new ArrayDeque<>());
        long remaining = fill.quantity().raw();
        double price = fill.price().toDouble();
        double commission = fill.commission().toDouble();
        double commissionPerUnit = commission / FixedPoint.toDouble(remaining);

        while (remaining > 0 && !lots.isEmpty() && lots.peekFirst().side != fill.side()) {
            Lot lot = lots.peekFirst();
            long matched = Math.min(remaining, lot.remaining);
            double entryCommission = lot.takeCommission(matched);
            double exitCommission = commissionPerUnit * FixedPoint.toDouble(matched);
            double units = FixedPoint.toDouble(matched);
            double pnl = lot.side.sign() * (price - lot.price) * units - entryCommission - exitCommission;
            bookExit(symbol, lot, fill, matched, price, pnl);
            lot.remaining -= matched;
            lot.partiallyClosed = true;
            remaining -= matched;
            if (lot.remaining == 0) {
                lots.pollFirst();
            }
        }
        if (remaining > 0) {
            double entryCommission = commissionPerUnit * FixedPoint.toDouble(remaining);
            Lot last = lots.peekLast();
            if (last != null && !last.partiallyClosed && last.order.equals(fill.clientOrderId())) {
                last.add(remaining, price, entryCommission);
            } else {
                lots.addLast(new Lot(nextLotId++, symbol, fill.side(), fill.clientOrderId(), fill.time(), remaining,
                        price, entryCommission));
            }
        }
    }

    private void bookExit(String symbol, Lot lot, OrderFilled fill, long matched, double price, double pnl) {
        OpenExit last = lastExitBySymbol.get(symbol);
        if (last != null && last.lotId == lot.id && last.exitOrder.equals(fill.clientOrderId())) {
            last.trade.add(matched, price, fill.time(), pnl);
            return;
        }
        ClosedTrade trade = new ClosedTrade(symbol, lot.side, lot.entryTime, lot.price, matched, price, fill.time(), pnl);
        closed.add(trade);
        lastExitBySymbol.put(symbol, new OpenExit(lot.id, fill.clientOrderId(), trade));
    }

    /** Closed round trips in the order they were closed. */
    public List<Trade> closedTrades() {
        List<Trade> result = new ArrayList<>(closed.size());
        for (ClosedTrade t : closed) {
            result.add(t.toTrade());
        }
        return result;
    }

    /** Lots still open, one trade each with null exit fields, in entry-time order. */
    public List<Trade> openTrades() {
        List<Trade> result = new ArrayList<>();
        for (ArrayDeque<Lot> lots : lotsBySymbol.values()) {
            for (Lot lot : lots) {
                result.add(Trade.open(lot.symbol, lot.side, FixedPoint.toDouble(lot.remaining), lot.entryTime, lot.price));
            }
        }
        result.sort(Comparator.comparingLong(Trade::entryTime).thenComparing(Trade::symbol));
        return result;
    }

    /** {@link #closedTrades()} followed by {@link #openTrades()}. */
    public List<Trade> trades() {
        List<Trade> result = closedTrades();
        result.addAll(openTrades());
        return result;
    }

    /** An open lot: the unclosed part of one entry order. */
    private static final class Lot {
        final long id;
        final String symbol;
        final Side side;
        final ClientOrderId order;
        final long entryTime;
        long remaining;
        double price;
        double commission;
        boolean partiallyClosed;

        Lot(long id, String symbol, Side side, ClientOrderId order, long entryTime, long quantity, double price,
                double commission) {
            this.id = id;
            this.symbol = symbol;
            this.side = side;
            this.order = order;
            this.entryTime = entryTime;
            this.remaining = quantity;
            this.price = price;
            this.commission = commission;
        }

        void add(long quantity, double fillPrice, double fillCommission) {
            double held = FixedPoint.toDouble(remaining);
            double added = FixedPoint.toDouble(quantity);
            price = (price * held + fillPrice * added) / (held + added);
            remaining += quantity;
            commission += fillCommission;
        }

        /** Removes and returns the entry commission attributable to {@code quantity} units. */
        double takeCommission(long quantity) {
            double share = quantity == remaining ? commission : commission * ((double) quantity / remaining);
            commission -= share;
            return share;
        }
    }

    /** The most recent closed trade of an instrument, which later parts of the same exit order extend. */
    private record OpenExit(long lotId, ClientOrderId exitOrder, ClosedTrade trade) {
    }

    /** A closed trade under construction (exit fills of one order are averaged in). */
    private static final class ClosedTrade {
        final String symbol;
        final Side side;
        final long entryTime;
        final double entryPrice;
        long quantity;
        double exitPrice;
        long exitTime;
        double pnl;

        ClosedTrade(String symbol, Side side, long entryTime, double entryPrice, long quantity, double exitPrice,
                long exitTime, double pnl) {
            this.symbol = symbol;
            this.side = side;
            this.entryTime = entryTime;
            this.entryPrice = entryPrice;
            this.quantity = quantity;
            this.exitPrice = exitPrice;
            this.exitTime = exitTime;
            this.pnl = pnl;
        }

        void add(long more, double price, long time, double morePnl) {
            double held = FixedPoint.toDouble(quantity);
            double added = FixedPoint.toDouble(more);
            exitPrice = (exitPrice * held + price * added) / (held + added);
            quantity += more;
            exitTime = time;
            pnl += morePnl;
        }

        Trade toTrade() {
            return Trade.closed(symbol, side, FixedPoint.toDouble(quantity), entryTime, entryPrice, exitTime, exitPrice,
                    pnl);
        }
    }
}
