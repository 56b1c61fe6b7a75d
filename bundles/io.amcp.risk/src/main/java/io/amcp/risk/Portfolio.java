package io.amcp.risk;

import io.amcp.api.model.InstrumentId;
import io.amcp.risk.internal.Checks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The positions and cash whose risk is measured.
 *
 * @param positions positions, at most one per symbol
 * @param cash      cash balance, negative when borrowing; used for equity and margin usage
 */
public record Portfolio(List<Position> positions, double cash) {

    public Portfolio {
        Checks.present("positions", positions);
        Checks.finite("cash", cash);
        Map<InstrumentId, Integer> seen = new HashMap<>();
        for (int i = 0; i < positions.size(); i++) {
            Position position = Checks.present("positions[" + i + "]", positions.get(i));
            Integer previous = seen.put(position.symbol(), i);
            if (previous != null) {
                throw new IllegalArgumentException("positions[" + i + "].symbol: duplicate " + position.symbol()
                        + " (also positions[" + previous + "])");
            }
        }
        positions = List.copyOf(positions);
    }

    /** Positions without cash. */
    public static Portfolio of(List<Position> positions) {
        return new Portfolio(positions, 0.0);
    }

    /** Positions and cash. */
    public static Portfolio of(List<Position> positions, double cash) {
        return new Portfolio(positions, cash);
    }

    /** Cash plus the market value of every position. */
    public double equity() {
        double equity = cash;
        for (Position position : positions) {
            equity += position.marketValue();
        }
        return equity;
    }

    /**
     * The portfolio as it would be if every pending order filled at its price: quantities add up per
     * symbol, a new symbol opens a delta-one position (unclassified sector) and cash pays for it.
     * Existing positions keep their mark, multiplier, sector and Greeks.
     */
    public Portfolio withFilled(List<PendingOrder> orders) {
        Checks.present("pendingOrders", orders);
        List<Position> result = new ArrayList<>(positions);
        Map<InstrumentId, Integer> index = new HashMap<>();
        for (int i = 0; i < result.size(); i++) {
            index.put(result.get(i).symbol(), i);
        }
        double newCash = cash;
        for (int i = 0; i < orders.size(); i++) {
            PendingOrder order = Checks.present("pendingOrders[" + i + "]", orders.get(i));
            Integer at = index.get(order.symbol());
            if (at == null) {
                index.put(order.symbol(), result.size());
                result.add(new Position(order.symbol(), order.quantity(), order.price(), 1.0,
                        Position.UNCLASSIFIED, order.symbol(), null));
                newCash -= order.quantity() * order.price();
            } else {
                Position held = result.get(at);
                result.set(at, held.withQuantity(held.quantity() + order.quantity()));
                newCash -= order.quantity() * order.price() * held.multiplier();
            }
        }
        return new Portfolio(result, newCash);
    }
}
