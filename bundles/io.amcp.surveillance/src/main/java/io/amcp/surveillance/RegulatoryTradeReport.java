package io.amcp.surveillance;

import io.amcp.api.order.OrderView;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

/**
 * The end-of-day trade report of one account: one record per order with an execution on the day
 * (its last update falls on {@code day} in {@code zone}), in execution time order.
 *
 * <p>CSV layout (header line included, comma-separated, no quoting needed: every field is a token or a
 * number): {@value #HEADER}. JSON layout: one object
 * {@code {"report_date":"2013-06-03","account":"ACC-1","trades":[...]}} whose {@code trades} hold one
 * object per CSV line with the same field names; quantities, prices and notional are JSON numbers, the
 * other fields strings, {@code venue_order_id} {@code null} when the venue gave none.
 * <ul>
 * <li>{@code report_date}: the exchange-local day reported; {@code account}: the account token;</li>
 * <li>{@code strategy}: the owning strategy (or user); {@code client_order_id}, {@code venue_order_id};</li>
 * <li>{@code symbol}, {@code side} (BUY/SELL), {@code order_type}, {@code time_in_force};</li>
 * <li>{@code order_qty}, {@code filled_qty}, {@code avg_price} (volume-weighted), {@code notional}
 *     ({@code avg_price x filled_qty});</li>
 * <li>{@code status} at report time; {@code submitted_utc}, {@code last_execution_utc}: ISO-8601 UTC.</li>
 * </ul>
 */
public final class RegulatoryTradeReport {

    public static final String HEADER = "report_date,account,strategy,client_order_id,venue_order_id,symbol,side,order_type,"
            + "time_in_force,order_qty,filled_qty,avg_price,notional,status,submitted_utc,last_execution_utc";

    private RegulatoryTradeReport() {
    }

    /** The report as CSV. */
    public static String csv(String account, LocalDate day, ZoneId zone, List<OrderView> orders) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (OrderView o : executions(account, day, zone, orders)) {
            out.append(day).append(',').append(account).append(',').append(o.strategyId()).append(',')
                    .append(o.clientOrderId()).append(',').append(o.orderId() == null ? "" : o.orderId().toString())
                    .append(',').append(o.request().instrument()).append(',').append(o.request().side()).append(',')
                    .append(o.request().type()).append(',').append(o.request().timeInForce()).append(',')
                    .append(o.request().quantity()).append(',').append(o.filledQuantity()).append(',')
                    .append(o.averageFillPrice()).append(',').append(o.averageFillPrice().times(o.filledQuantity()))
                    .append(',').append(o.status()).append(',').append(toInstant(o.createdTime())).append(',')
                    .append(toInstant(o.updatedTime())).append('\n');
        }
        return out.toString();
    }

    /** The report as JSON, the same records as {@link #csv}. */
    public static String json(String account, LocalDate day, ZoneId zone, List<OrderView> orders) {
        StringBuilder out = new StringBuilder("{\"report_date\":\"").append(day).append("\",\"account\":\"").append(account)
                .append("\",\"trades\":[");
        boolean first = true;
        for (OrderView o : executions(account, day, zone, orders)) {
            out.append(first ? "" : ",").append("{\"report_date\":\"").append(day).append("\",\"account\":\"").append(account)
                    .append("\",\"strategy\":\"").append(o.strategyId()).append("\",\"client_order_id\":\"").append(o.clientOrderId())
                    .append("\",\"venue_order_id\":").append(o.orderId() == null ? "null" : "\"" + o.orderId() + "\"")
                    .append(",\"symbol\":\"").append(o.request().instrument()).append("\",\"side\":\"").append(o.request().side())
                    .append("\",\"order_type\":\"").append(o.request().type()).append("\",\"time_in_force\":\"")
                    .append(o.request().timeInForce()).append("\",\"order_qty\":").append(o.request().quantity())
                    .append(",\"filled_qty\":").append(o.filledQuantity()).append(",\"avg_price\":").append(o.averageFillPrice())
                    .append(",\"notional\":").append(o.averageFillPrice().times(o.filledQuantity())).append(",\"status\":\"")
                    .append(o.status()).append("\",\"submitted_utc\":\"").append(toInstant(o.createdTime()))
                    .append("\",\"last_execution_utc\":\"").append(toInstant(o.updatedTime())).append("\"}");
            first = false;
        }
        return out.append("]}").toString();
    }

    private static List<OrderView> executions(String account, LocalDate day, ZoneId zone, List<OrderView> orders) {
        if (account == null || !account.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("account: must be a token of letters, digits, '.', '_' or '-', was '" + account + "'");
        }
        return orders.stream().filter(o -> o.filledQuantity().isPositive() && o.averageFillPrice() != null)
                .filter(o -> toInstant(o.updatedTime()).atZone(zone).toLocalDate().equals(day))
                .sorted(Comparator.comparingLong(OrderView::updatedTime).thenComparing(OrderView::clientOrderId))
                .toList();
    }

    private static Instant toInstant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
