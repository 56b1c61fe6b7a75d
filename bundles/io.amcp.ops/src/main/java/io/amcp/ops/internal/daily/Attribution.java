package io.amcp.ops.internal.daily;

import io.amcp.api.model.Instrument;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Price;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderView;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * P&L attribution by strategy from the OMS's orders: each order's filled quantity at its average
 * fill price, applied in the order of the orders' last update to an average-cost book per strategy
 * and instrument (the same method as the platform ledger). Realized P&L comes from closing trades;
 * unrealized from the open quantity at the last price. An order filled in several pieces counts as
 * one execution at its average price.
 */
public final class Attribution {

    /**
     * One strategy's line.
     *
     * @param strategy     strategy (or owner such as {@code manual})
     * @param filledOrders orders with fills
     * @param bought       notional bought
     * @param sold         notional sold
     * @param realized     realized P&L
     * @param unrealized   unrealized P&L at the last prices
     */
    public record Line(StrategyId strategy, int filledOrders, Money bought, Money sold, Money realized, Money unrealized) {
    }

    private static final MathContext MC = MathContext.DECIMAL128;

    private Attribution() {
    }

    public static List<Line> compute(List<OrderView> orders, Map<InstrumentId, Price> lastPrices,
            Function<InstrumentId, Instrument> instruments) {
        List<OrderView> filled = new ArrayList<>(orders.stream().filter(o -> o.filledQuantity().isPositive()).toList());
        filled.sort(Comparator.comparingLong(OrderView::updatedTime).thenComparing(OrderView::clientOrderId));
        Map<StrategyId, Map<InstrumentId, Book>> books = new TreeMap<>();
        Map<StrategyId, int[]> counts = new HashMap<>();
        for (OrderView o : filled) {
            InstrumentId id = o.request().instrument();
            Book book = books.computeIfAbsent(o.strategyId(), s -> new TreeMap<>())
                    .computeIfAbsent(id, i -> new Book(multiplier(instruments, i)));
            book.apply(o.request().side(), o.filledQuantity().toDecimal(), o.averageFillPrice().toDecimal());
            counts.computeIfAbsent(o.strategyId(), s -> new int[1])[0]++;
        }
        List<Line> lines = new ArrayList<>();
        books.forEach((strategy, perInstrument) -> {
            BigDecimal bought = BigDecimal.ZERO;
            BigDecimal sold = BigDecimal.ZERO;
            BigDecimal realized = BigDecimal.ZERO;
            BigDecimal unrealized = BigDecimal.ZERO;
            for (Map.Entry<InstrumentId, Book> e : perInstrument.entrySet()) {
                Book b = e.getValue();
                bought = bought.add(b.bought);
                sold = sold.add(b.sold);
                realized = realized.add(b.realized);
                Price last = lastPrices.get(e.getKey());
                if (last != null && b.quantity.signum() != 0) {
                    unrealized = unrealized.add(last.toDecimal().subtract(b.averageCost).multiply(b.quantity)
                            .multiply(b.multiplier));
                }
            }
            lines.add(new Line(strategy, counts.get(strategy)[0], money(bought), money(sold), money(realized),
                    money(unrealized)));
        });
        return lines;
    }

    private static BigDecimal multiplier(Function<InstrumentId, Instrument> instruments, InstrumentId id) {
        Instrument i = instruments.apply(id);
        return BigDecimal.valueOf(i == null ? 1 : i.multiplier());
    }

    private static Money money(BigDecimal d) {
        return Money.of(d.setScale(8, RoundingMode.HALF_UP));
    }

    /** An average-cost position of one strategy in one instrument. */
    private static final class Book {
        final BigDecimal multiplier;
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal averageCost = BigDecimal.ZERO;
        BigDecimal realized = BigDecimal.ZERO;
        BigDecimal bought = BigDecimal.ZERO;
        BigDecimal sold = BigDecimal.ZERO;

        Book(BigDecimal multiplier) {
            this.multiplier = multiplier;
        }

        void apply(Side side, BigDecimal qty, BigDecimal price) {
            BigDecimal notional = qty.multiply(price).multiply(multiplier);
            if (side == Side.BUY) {
                bought = bought.add(notional);
            } else {
                sold = sold.add(notional);
            }
            BigDecimal signed = side == Side.BUY ? qty : qty.negate();
            if (quantity.signum() == 0 || quantity.signum() == signed.signum()) {
                BigDecimal total = quantity.abs().add(qty);
                averageCost = quantity.abs().multiply(averageCost).add(qty.multiply(price)).divide(total, MC);
                quantity = quantity.add(signed);
                return;
            }
            BigDecimal closing = qty.min(quantity.abs());
            realized = realized.add(price.subtract(averageCost).multiply(closing).multiply(multiplier)
                    .multiply(BigDecimal.valueOf(quantity.signum())));
            quantity = quantity.add(signed);
            if (quantity.signum() == signed.signum()) {
                averageCost = price;
            } else if (quantity.signum() == 0) {
                averageCost = BigDecimal.ZERO;
            }
        }
    }
}
