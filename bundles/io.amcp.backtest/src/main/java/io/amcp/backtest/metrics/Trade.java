package io.amcp.backtest.metrics;

import io.amcp.api.model.Side;

/**
 * One round trip: an entry and the exit that closed it, or an entry still open at the end of the
 * run (then the three exit fields are {@code null}; the caller marks it to the last close).
 *
 * @param symbol     instrument symbol
 * @param side       side of the entry ({@link Side#BUY} for a long trade, {@link Side#SELL} for a short)
 * @param quantity   quantity traded, positive
 * @param entryTime  time of the first entry fill, nanoseconds since the epoch
 * @param entryPrice quantity-weighted average entry price
 * @param exitTime   time of the last exit fill, nanoseconds since the epoch; null while open
 * @param exitPrice  quantity-weighted average exit price; null while open
 * @param pnl        realised profit after the commissions of both legs; null while open
 */
public record Trade(String symbol, Side side, double quantity, long entryTime, double entryPrice, Long exitTime,
        Double exitPrice, Double pnl) {

    public Trade {
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("symbol: must not be blank");
        }
        if (side == null) {
            throw new IllegalArgumentException("side: must not be null");
        }
        if (!(quantity > 0) || !Double.isFinite(quantity)) {
            throw new IllegalArgumentException("quantity: must be positive and finite, was " + quantity);
        }
        if (!Double.isFinite(entryPrice)) {
            throw new IllegalArgumentException("entryPrice: must be finite, was " + entryPrice);
        }
        boolean open = exitTime == null;
        if ((exitPrice == null) != open || (pnl == null) != open) {
            throw new IllegalArgumentException("exitTime, exitPrice, pnl: must be all null (open trade) or all set");
        }
        if (!open) {
            if (exitTime < entryTime) {
                throw new IllegalArgumentException("exitTime: " + exitTime + " is before entryTime " + entryTime);
            }
            if (!Double.isFinite(exitPrice)) {
                throw new IllegalArgumentException("exitPrice: must be finite, was " + exitPrice);
            }
            if (!Double.isFinite(pnl)) {
                throw new IllegalArgumentException("pnl: must be finite, was " + pnl);
            }
        }
    }

    /** A closed round trip. */
    public static Trade closed(String symbol, Side side, double quantity, long entryTime, double entryPrice,
            long exitTime, double exitPrice, double pnl) {
        return new Trade(symbol, side, quantity, entryTime, entryPrice, exitTime, exitPrice, pnl);
    }

    /** A position still open at the end of the run. */
    public static Trade open(String symbol, Side side, double quantity, long entryTime, double entryPrice) {
        return new Trade(symbol, side, quantity, entryTime, entryPrice, null, null, null);
    }

    /** Whether the trade has no exit yet. */
    public boolean isOpen() {
        return exitTime == null;
    }

    /** Traded notional of both legs (one leg while open): {@code quantity x (entryPrice + exitPrice)}. */
    public double notional() {
        double entry = Math.abs(quantity * entryPrice);
        return isOpen() ? entry : entry + Math.abs(quantity * exitPrice);
    }
}
