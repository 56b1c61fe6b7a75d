package io.amcp.ops.internal.daily;

import io.amcp.api.calendar.TradingCalendar;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Price;
import io.amcp.api.order.OrderView;
import io.amcp.api.portfolio.AccountView;
import io.amcp.api.portfolio.PositionView;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.TradingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code eod-YYYY-MM-DD.html} into the report directory: account and P&L, positions, the
 * day's trades (orders filled during the trading date, by exchange time), a risk summary and the
 * attribution by strategy. Written to a temporary file and renamed, so a reader never sees half a report.
 */
public final class EndOfDayReport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final TradingNode node;
    private final TradingCalendar calendar;
    private final Path directory;

    public EndOfDayReport(TradingNode node, TradingCalendar calendar, Path directory) {
        this.node = node;
        this.calendar = calendar;
        this.directory = directory;
    }

    /** The report file of a trading date. */
    public Path file(LocalDate date) {
        return directory.resolve("eod-" + date + ".html");
    }

    public JobResult run(LocalDate date, Instant now) {
        Path file = write(date, now);
        return new JobResult(DailyJob.END_OF_DAY_REPORT, date, now, true, List.of("report written to " + file));
    }

    /** Writes the report of {@code date} as of {@code now}; returns the file. */
    public Path write(LocalDate date, Instant now) {
        AccountView a = node.account();
        List<PositionView> positions = node.positions();
        List<OrderView> orders = node.orders();
        long dayStart = Clock.toNanos(date.atStartOfDay(calendar.zone()).toInstant());
        long dayEnd = Clock.toNanos(date.plusDays(1).atStartOfDay(calendar.zone()).toInstant());
        List<OrderView> trades = orders.stream()
                .filter(o -> o.filledQuantity().isPositive() && o.updatedTime() >= dayStart && o.updatedTime() < dayEnd)
                .sorted(Comparator.comparingLong(OrderView::updatedTime)).toList();
        Map<InstrumentId, Price> last = new HashMap<>();
        positions.forEach(p -> last.put(p.instrument(), p.lastPrice()));
        List<Attribution.Line> attribution = Attribution.compute(orders, last, Instrument::infer);

        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>AMCP end of day ")
                .append(date).append("</title>\n<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;"
                + "margin-bottom:1.5em}td,th{border:1px solid #ccc;padding:4px 8px}td.n{text-align:right}"
                + ".neg{color:#b00}</style></head><body>\n");
        h.append("<h1>End of day ").append(date).append("</h1>\n<p>As of ")
                .append(now.atZone(calendar.zone()).toLocalDateTime()).append(' ').append(calendar.zone()).append("</p>\n");

        h.append("<h2>Account and P&amp;L</h2>\n<table id=\"account\">\n");
        row(h, "Equity", a.equity());
        row(h, "Cash", a.cash());
        row(h, "Day P&amp;L", a.dayPnl());
        row(h, "Realized P&amp;L", a.realizedPnl());
        row(h, "Unrealized P&amp;L", a.unrealizedPnl());
        row(h, "Commissions", a.commissions());
        row(h, "Buying power", a.buyingPower());
        h.append("</table>\n");

        h.append("<h2>Positions</h2>\n<table id=\"positions\"><tr><th>Instrument</th><th>Quantity</th><th>Average cost</th>"
                + "<th>Last</th><th>Market value</th><th>Unrealized P&amp;L</th></tr>\n");
        for (PositionView p : positions) {
            h.append("<tr><td>").append(esc(p.instrument().value())).append("</td>").append(num(p.quantity().toString()))
                    .append(num(p.averageCost().toString())).append(num(p.lastPrice().toString()))
                    .append(money(p.marketValue())).append(money(p.unrealizedPnl())).append("</tr>\n");
        }
        h.append("</table>\n");

        h.append("<h2>Trades</h2>\n<table id=\"trades\"><tr><th>Time</th><th>Strategy</th><th>Client order id</th>"
                + "<th>Instrument</th><th>Side</th><th>Filled</th><th>Average price</th><th>Status</th></tr>\n");
        for (OrderView o : trades) {
            h.append("<tr><td>").append(TIME.format(Clock.toInstant(o.updatedTime()).atZone(calendar.zone())))
                    .append("</td><td>").append(esc(o.strategyId().value())).append("</td><td>")
                    .append(esc(o.clientOrderId().value())).append("</td><td>").append(esc(o.request().instrument().value()))
                    .append("</td><td>").append(o.request().side()).append("</td>").append(num(o.filledQuantity().toString()))
                    .append(num(o.averageFillPrice().toString())).append("<td>").append(o.status()).append("</td></tr>\n");
        }
        h.append("</table>\n");

        BigDecimal gross = a.longMarketValue().toDecimal().add(a.shortMarketValue().toDecimal().abs());
        BigDecimal equity = a.equity().toDecimal();
        BigDecimal largest = positions.stream().map(p -> p.marketValue().toDecimal().abs()).max(BigDecimal::compareTo)
                .orElse(BigDecimal.ZERO);
        long working = orders.stream().filter(o -> o.status().isWorking()).count();
        h.append("<h2>Risk</h2>\n<table id=\"risk\">\n");
        h.append("<tr><td>Kill switch</td><td>").append(node.killSwitch().isEngaged()
                ? "ENGAGED: " + esc(node.killSwitch().reason()) : "released").append("</td></tr>\n");
        row(h, "Gross exposure", Money.of(gross));
        h.append("<tr><td>Gross leverage</td>").append(num(ratio(gross, equity))).append("</tr>\n");
        h.append("<tr><td>Largest position / equity</td>").append(num(ratio(largest, equity))).append("</tr>\n");
        h.append("<tr><td>Working orders</td>").append(num(Long.toString(working))).append("</tr>\n");
        h.append("</table>\n");

        h.append("<h2>Attribution by strategy</h2>\n<table id=\"attribution\"><tr><th>Strategy</th><th>Filled orders</th>"
                + "<th>Bought</th><th>Sold</th><th>Realized P&amp;L</th><th>Unrealized P&amp;L</th></tr>\n");
        for (Attribution.Line l : attribution) {
            h.append("<tr><td>").append(esc(l.strategy().value())).append("</td>").append(num(Integer.toString(l.filledOrders())))
                    .append(money(l.bought())).append(money(l.sold())).append(money(l.realized()))
                    .append(money(l.unrealized())).append("</tr>\n");
        }
        h.append("</table>\n</body></html>\n");

        try {
            Files.createDirectories(directory);
            Path target = file(date);
            Path tmp = Files.createTempFile(directory, ".eod-", ".tmp");
            Files.writeString(tmp, h, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("reportDirectory: cannot write the report into " + directory, e);
        }
    }

    private static String ratio(BigDecimal a, BigDecimal b) {
        return b.signum() == 0 ? "n/a" : a.divide(b, 4, RoundingMode.HALF_UP).toPlainString();
    }

    private static void row(StringBuilder h, String label, Money value) {
        h.append("<tr><td>").append(label).append("</td>").append(money(value)).append("</tr>\n");
    }

    private static String money(Money m) {
        String text = m.toDecimal().setScale(2, RoundingMode.HALF_UP).toPlainString();
        return m.isNegative() ? "<td class=\"n neg\">" + text + "</td>" : "<td class=\"n\">" + text + "</td>";
    }

    private static String num(String text) {
        return "<td class=\"n\">" + esc(text) + "</td>";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
