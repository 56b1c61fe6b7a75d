package io.amcp.core.ledger;

import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.portfolio.AccountView;
import io.amcp.api.portfolio.PositionView;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Portfolio and account ledger in fixed-point raw units (scale 1e-8) with checked arithmetic:
 * cash, positions with average cost, realised and unrealised P&L, equity and buying power.
 * Single-threaded (kernel thread). Market value totals are kept incrementally so that marking a
 * position on every bar is O(1).
 *
 * <p>Conventions: realised P&L is net of commissions; average cost is the volume-weighted entry
 * price of the open quantity and resets on a flip; buying power is
 * {@code max(0, equity x leverage - gross market value)} (leverage 1 = cash account).
 */
public final class Ledger {

    private final Map<InstrumentId, Position> positions = new HashMap<>();
    private final long leverageRaw;
    private long cash;
    private long longMarketValue;
    private long shortMarketValue;
    private long realized;
    private long commissions;
    private int openPositionCount;
    /** The position marked last: bars of one instrument in a row skip the map lookup. */
    private Position lastMarked;
    private long dayStartEquity;

    /**
     * @param initialCash starting cash
     * @param leverage    buying-power multiple of equity (1 = no margin)
     */
    public Ledger(Money initialCash, double leverage) {
        if (leverage <= 0 || leverage > 10) {
            throw new IllegalArgumentException("leverage: must be in (0, 10], was " + leverage);
        }
        this.cash = initialCash.raw();
        this.leverageRaw = FixedPoint.fromDouble(leverage);
        this.dayStartEquity = cash;
    }

    /** Marks an instrument to a new price; O(1), no allocation once the instrument is known. */
    public void mark(InstrumentId instrument, long priceRaw) {
        Position p = lastMarked;
        if (p == null || p.instrument != instrument) {
            p = positions.get(instrument);
            if (p == null) {
                p = new Position(instrument, 1);
                positions.put(instrument, p);
            }
            lastMarked = p;
        }
        p.last = priceRaw;
        if (p.quantity != 0) {
            revalue(p);
        }
    }

    /** Declares an instrument's contract multiplier (before its first fill). */
    public void setMultiplier(InstrumentId instrument, long multiplier) {
        Position p = positions.get(instrument);
        if (p == null) {
            positions.put(instrument, new Position(instrument, multiplier));
        } else if (p.multiplier != multiplier) {
            if (p.quantity != 0) {
                throw new IllegalStateException(instrument + ": cannot change multiplier of an open position");
            }
            positions.put(instrument, new Position(instrument, multiplier, p.last));
            lastMarked = null;
        }
    }

    /** Books a fill: cash, position quantity, average cost, realised P&L, commission. */
    public void applyFill(InstrumentId instrument, Side side, long quantityRaw, long priceRaw, long commissionRaw) {
        Position p = positions.get(instrument);
        if (p == null) {
            p = new Position(instrument, 1);
            positions.put(instrument, p);
        }
        boolean wasOpen = p.quantity != 0;
        long signedQty = side == Side.BUY ? quantityRaw : Math.negateExact(quantityRaw);
        long notional = Math.multiplyExact(FixedPoint.multiply(priceRaw, quantityRaw), p.multiplier);
        cash = Math.subtractExact(cash, side == Side.BUY ? notional : Math.negateExact(notional));
        cash = Math.subtractExact(cash, commissionRaw);
        commissions = Math.addExact(commissions, commissionRaw);
        realized = Math.subtractExact(realized, commissionRaw);
        p.realized = Math.subtractExact(p.realized, commissionRaw);

        long q = p.quantity;
        if (q == 0 || Long.signum(q) == Long.signum(signedQty)) {
            p.averageCost = weightedAverage(p.averageCost, Math.abs(q), priceRaw, quantityRaw);
            p.quantity = Math.addExact(q, signedQty);
        } else {
            long closed = Math.min(Math.abs(q), quantityRaw);
            long pnlPerUnitSign = Long.signum(q);
            long pnl = Math.multiplyExact(FixedPoint.multiply(priceRaw - p.averageCost, closed), p.multiplier)
                    * pnlPerUnitSign;
            realized = Math.addExact(realized, pnl);
            p.realized = Math.addExact(p.realized, pnl);
            p.quantity = Math.addExact(q, signedQty);
            if (p.quantity == 0) {
                p.averageCost = 0;
            } else if (Long.signum(p.quantity) != Long.signum(q)) {
                p.averageCost = priceRaw;
            }
        }
        if (p.last == 0) {
            p.last = priceRaw;
        }
        revalue(p);
        if (wasOpen != (p.quantity != 0)) {
            openPositionCount += wasOpen ? -1 : 1;
        }
    }

    private static long weightedAverage(long avgA, long qtyA, long priceB, long qtyB) {
        if (qtyA == 0) {
            return priceB;
        }
        BigInteger num = BigInteger.valueOf(avgA).multiply(BigInteger.valueOf(qtyA))
                .add(BigInteger.valueOf(priceB).multiply(BigInteger.valueOf(qtyB)));
        BigInteger den = BigInteger.valueOf(qtyA).add(BigInteger.valueOf(qtyB));
        BigInteger[] qr = num.divideAndRemainder(den);
        long avg = qr[0].longValueExact();
        if (qr[1].shiftLeft(1).compareTo(den) >= 0) {
            avg++;
        }
        return avg;
    }

    private void revalue(Position p) {
        long mv = p.quantity == 0 ? 0 : Math.multiplyExact(FixedPoint.multiply(p.quantity, p.last), p.multiplier);
        long old = p.marketValue;
        if (old > 0) {
            longMarketValue -= old;
        } else {
            shortMarketValue -= old;
        }
        if (mv > 0) {
            longMarketValue = Math.addExact(longMarketValue, mv);
        } else {
            shortMarketValue = Math.addExact(shortMarketValue, mv);
        }
        p.marketValue = mv;
    }

    /** Starts a new trading day: today's P&L counts from the current equity. */
    public void startDay() {
        dayStartEquity = equityRaw();
    }

    public long cashRaw() {
        return cash;
    }

    /** Cash plus the market value of every position, raw units. */
    public long equityRaw() {
        return cash + longMarketValue + shortMarketValue;
    }

    public long buyingPowerRaw() {
        long gross = longMarketValue - shortMarketValue;
        return Math.max(0, FixedPoint.multiply(equityRaw(), leverageRaw) - gross);
    }

    public long dayStartEquityRaw() {
        return dayStartEquity;
    }

    /** Signed quantity of a position, raw units (0 if none). */
    public long quantityRaw(InstrumentId instrument) {
        Position p = positions.get(instrument);
        return p == null ? 0 : p.quantity;
    }

    /** Last mark price, raw, or 0 if never marked. */
    public long lastPriceRaw(InstrumentId instrument) {
        Position p = positions.get(instrument);
        return p == null ? 0 : p.last;
    }

    public long unrealizedRaw() {
        long total = 0;
        for (Position p : positions.values()) {
            total = Math.addExact(total, p.unrealized());
        }
        return total;
    }

    public AccountView account() {
        return new AccountView(Money.ofRaw(cash), Money.ofRaw(equityRaw()), Money.ofRaw(buyingPowerRaw()),
                Money.ofRaw(longMarketValue), Money.ofRaw(shortMarketValue), Money.ofRaw(realized),
                Money.ofRaw(unrealizedRaw()), Money.ofRaw(dayStartEquity), Money.ofRaw(commissions));
    }

    /** The position in {@code instrument}; flat if none. Unrealised P&L uses {@code lastPriceRaw} if non-zero. */
    public PositionView position(InstrumentId instrument, long lastPriceRaw) {
        Position p = positions.get(instrument);
        if (p == null) {
            return PositionView.flat(instrument);
        }
        long last = lastPriceRaw != 0 ? lastPriceRaw : p.last;
        return p.view(last);
    }

    /** Number of positions that are not flat; O(1). */
    public int openPositionCount() {
        return openPositionCount;
    }

    /** Positions that are not flat. */
    public List<PositionView> openPositions() {
        List<PositionView> out = new ArrayList<>();
        for (Position p : positions.values()) {
            if (p.quantity != 0) {
                out.add(p.view(p.last));
            }
        }
        out.sort((a, b) -> a.instrument().compareTo(b.instrument()));
        return out;
    }

    /**
     * What the ledger holds, for a journal snapshot: {@link #restore} of it into a ledger with the
     * same leverage gives a ledger equal to this one in every figure.
     *
     * @param cash           cash, raw
     * @param realized       realised P&L net of commissions, raw
     * @param commissions    commissions paid, raw
     * @param dayStartEquity equity at the start of the trading day, raw
     * @param positions      every instrument the ledger knows, flat ones too (their last price and multiplier)
     */
    public record State(long cash, long realized, long commissions, long dayStartEquity, List<PositionState> positions) {
        public State {
            positions = List.copyOf(positions);
        }
    }

    /**
     * One instrument's entry in a {@link State}.
     *
     * @param instrument  the instrument
     * @param multiplier  contract multiplier
     * @param quantity    signed quantity, raw
     * @param averageCost average cost of the open quantity, raw
     * @param realized    realised P&L of this instrument net of commissions, raw
     * @param last        last mark price, raw (0 if never marked)
     */
    public record PositionState(InstrumentId instrument, long multiplier, long quantity, long averageCost, long realized,
            long last) {
        public PositionState {
            java.util.Objects.requireNonNull(instrument, "instrument");
            if (multiplier < 1) {
                throw new IllegalArgumentException("multiplier: must be at least 1, was " + multiplier);
            }
        }
    }

    /** This ledger's state, positions in instrument order. */
    public State state() {
        List<PositionState> out = new ArrayList<>();
        for (Position p : positions.values()) {
            out.add(new PositionState(p.instrument, p.multiplier, p.quantity, p.averageCost, p.realized, p.last));
        }
        out.sort((a, b) -> a.instrument().compareTo(b.instrument()));
        return new State(cash, realized, commissions, dayStartEquity, out);
    }

    /** Replaces everything this ledger holds with {@code state}; market values are recomputed from it. */
    public void restore(State state) {
        positions.clear();
        lastMarked = null;
        longMarketValue = 0;
        shortMarketValue = 0;
        openPositionCount = 0;
        cash = state.cash();
        realized = state.realized();
        commissions = state.commissions();
        dayStartEquity = state.dayStartEquity();
        for (PositionState s : state.positions()) {
            Position p = new Position(s.instrument(), s.multiplier(), s.last());
            p.quantity = s.quantity();
            p.averageCost = s.averageCost();
            p.realized = s.realized();
            positions.put(s.instrument(), p);
            revalue(p);
            if (p.quantity != 0) {
                openPositionCount++;
            }
        }
    }

    /** Mutable per-instrument state. */
    private static final class Position {
        final InstrumentId instrument;
        final long multiplier;
        long quantity;
        long averageCost;
        long realized;
        long last;
        long marketValue;

        Position(InstrumentId instrument, long multiplier) {
            this(instrument, multiplier, 0);
        }

        Position(InstrumentId instrument, long multiplier, long last) {
            this.instrument = instrument;
            this.multiplier = multiplier;
            this.last = last;
        }

        long unrealized() {
            if (quantity == 0 || last == 0) {
                return 0;
            }
            return Math.multiplyExact(FixedPoint.multiply(last - averageCost, quantity), multiplier);
        }

        PositionView view(long lastPrice) {
            long unreal = quantity == 0 || lastPrice == 0 ? 0
                    : Math.multiplyExact(FixedPoint.multiply(lastPrice - averageCost, quantity), multiplier);
            long mv = Math.multiplyExact(FixedPoint.multiply(quantity, lastPrice), multiplier);
            return new PositionView(instrument, Quantity.ofRaw(quantity), Price.ofRaw(averageCost),
                    Price.ofRaw(lastPrice), Money.ofRaw(mv), Money.ofRaw(realized), Money.ofRaw(unreal));
        }
    }
}
