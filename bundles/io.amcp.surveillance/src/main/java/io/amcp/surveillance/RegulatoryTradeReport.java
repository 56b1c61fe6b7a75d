package io.amcp.surveillance;

import io.amcp.api.order.OrderView;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

/**
 * The end-of-day trade report of one account: one CSV line per order with an execution on the day
 * (in {@code zone}), in execution time order. Layout (header line included, comma-separated, no
 * quoting needed: every field is a token or a number):
 * {@code report_date,account,strategy,client_order_id,venue_order_id,symbol,side,order_type,time_in_force,
 * order_qty,filled_qty,avg_price,notional,status,submitted_utc,last_execution_utc}.
 */
public final class RegulatoryTradeReport {

    public static final String HEADER = "report_date,account,strategy,client_order_id,venue_order_id,symbol,side,order_type,"
            + "time_in_force,order_qty,filled_qty,avg_price,notional,status,submitted_utc,last_execution_utc";

    private RegulatoryTradeReport() {
    }

    public static String csv(String account, LocalDate day, ZoneId zone, List<OrderView> orders) {
        if (account == null || !account.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("account: must be a token of letters, digits, '.', '_' or '-', was '" + account + "'");
        }
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        orders.stream().filter(o -> o.filledQuantity().isPositive() && o.averageFillPrice() != null)
                .filter(o -> toInstant(o.updatedTime()).atZone(zone).toLocalDate().equals(day))
                .sorted(Comparator.comparingLong(OrderView::updatedTime).thenComparing(OrderView::clientOrderId))
                .forEach(o -> out.append(day).append(',').append(account).append(',').append(o.strategyId()).append(',')
                        .append(o.clientOrderId()).append(',').append(o.orderId() == null ? "" : o.orderId().toString())
                        .append(',').append(o.request().instrument()).append(',').append(o.request().side()).append(',')
                        .append(o.request().type()).append(',').append(o.request().timeInForce()).append(',')
                        .append(o.request().quantity()).append(',').append(o.filledQuantity()).append(',')
                        .append(o.averageFillPrice()).append(',').append(o.averageFillPrice().times(o.filledQuantity()))
                        .append(',').append(o.status()).append(',').append(toInstant(o.createdTime())).append(',')
                        .append(toInstant(o.updatedTime())).append('\n'));
        return out.toString();
    }

    private static Instant toInstant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
