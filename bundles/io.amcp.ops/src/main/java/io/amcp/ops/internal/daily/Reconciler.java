package io.amcp.ops.internal.daily;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Quantity;
import io.amcp.api.order.OrderStatus;
import io.amcp.api.order.OrderView;
import io.amcp.api.portfolio.PositionView;
import io.amcp.api.spi.BrokerStatement;
import io.amcp.api.spi.BrokerStatementSource;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.TradingNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The after-hours reconciliation. For every order a broker reports, the platform must hold the same
 * order with the same filled quantity and an equal status (working statuses compare as one, since
 * brokers name them differently); positions summed over all brokers must equal the platform's; with
 * a single broker, the platform's orders the broker does not know (that reached a venue) and the cash
 * must match too.
 *
 * <p>Orders are compared over one horizon, the reconciled trading day: from its midnight in the
 * exchange's zone. A broker's statement lists the orders that changed since then and those still open
 * (as {@code PaperExchange.statementOfTheDay} does); of the platform's orders, those still open and
 * those last updated since then must be at the broker. Orders that ended on earlier days are compared
 * neither way: the kernel's journal compaction forgets them (they become retired ids), while a broker
 * keeps listing them. Their fills still count, since positions and cash cover the account's whole life.
 */
public final class Reconciler {

    /**
     * One difference.
     *
     * @param kind     ORDER, POSITION or CASH
     * @param subject  the client order id, instrument or broker
     * @param platform what the platform holds
     * @param broker   what the broker says
     */
    public record Difference(String kind, String subject, String platform, String broker) {
        @Override
        public String toString() {
            return kind + " " + subject + ": platform " + platform + ", broker " + broker;
        }
    }

    private final TradingNode node;
    private final Supplier<List<BrokerStatementSource>> sources;
    private final ZoneId exchangeZone;

    /** @param exchangeZone the zone whose midnight starts a trading day (the horizon of order comparison) */
    public Reconciler(TradingNode node, Supplier<List<BrokerStatementSource>> sources, ZoneId exchangeZone) {
        this.node = node;
        this.sources = sources;
        this.exchangeZone = exchangeZone;
    }

    /**
     * The differences between the platform and its brokers now, orders compared from {@code sinceNanos}
     * on (see the class comment).
     */
    public List<Difference> differences(long sinceNanos) {
        List<BrokerStatement> statements = sources.get().stream().map(BrokerStatementSource::statement).toList();
        List<Difference> diffs = new ArrayList<>();
        Map<ClientOrderId, OrderView> orders = new HashMap<>();
        for (OrderView o : node.orders()) {
            orders.put(o.clientOrderId(), o);
        }
        for (BrokerStatement st : statements) {
            for (Map.Entry<ClientOrderId, BrokerStatement.OrderState> e : new TreeMap<>(st.orders()).entrySet()) {
                OrderView mine = orders.get(e.getKey());
                BrokerStatement.OrderState theirs = e.getValue();
                String theirsText = theirs.status() + " filled " + theirs.filled();
                if (mine == null) {
                    diffs.add(new Difference("ORDER", e.getKey().value(), "no such order", theirsText));
                } else if (!mine.filledQuantity().equals(theirs.filled())
                        || !sameStatus(mine.status(), theirs.status())) {
                    diffs.add(new Difference("ORDER", e.getKey().value(),
                            mine.status() + " filled " + mine.filledQuantity(), theirsText));
                }
            }
        }
        if (statements.size() == 1) {
            BrokerStatement only = statements.get(0);
            for (OrderView o : node.orders()) {
                boolean inHorizon = !o.status().isTerminal() || o.updatedTime() >= sinceNanos;
                if (inHorizon && reachedVenue(o.status()) && !only.orders().containsKey(o.clientOrderId())) {
                    diffs.add(new Difference("ORDER", o.clientOrderId().value(),
                            o.status() + " filled " + o.filledQuantity(), "no such order at " + only.brokerId()));
                }
            }
            if (!node.account().cash().equals(only.cash())) {
                diffs.add(new Difference("CASH", only.brokerId(), node.account().cash().toString(), only.cash().toString()));
            }
        }
        if (!statements.isEmpty()) {
            Map<InstrumentId, Quantity> theirs = new TreeMap<>();
            statements.forEach(st -> st.positions().forEach((id, q) -> theirs.merge(id, q, Quantity::plus)));
            Map<InstrumentId, Quantity> mine = new TreeMap<>();
            for (PositionView p : node.positions()) {
                if (!p.isFlat()) {
                    mine.put(p.instrument(), p.quantity());
                }
            }
            TreeSet<InstrumentId> all = new TreeSet<>(mine.keySet());
            all.addAll(theirs.keySet());
            for (InstrumentId id : all) {
                Quantity a = mine.getOrDefault(id, Quantity.ZERO);
                Quantity b = theirs.getOrDefault(id, Quantity.ZERO);
                if (!a.equals(b)) {
                    diffs.add(new Difference("POSITION", id.value(), a.toString(), b.toString()));
                }
            }
        }
        return diffs;
    }

    /** Statuses a broker and the OMS must agree on; the working ones compare as one. */
    static boolean sameStatus(OrderStatus mine, OrderStatus theirs) {
        if (mine == theirs) {
            return true;
        }
        return working(mine) && working(theirs);
    }

    private static boolean working(OrderStatus s) {
        return s == OrderStatus.NEW || s == OrderStatus.ACCEPTED || s == OrderStatus.PARTIALLY_FILLED
                || s == OrderStatus.PENDING_CANCEL;
    }

    /** Orders a venue must know: everything that was sent and not refused before sending. */
    private static boolean reachedVenue(OrderStatus s) {
        return s != OrderStatus.NEW && s != OrderStatus.HELD && s != OrderStatus.REJECTED;
    }

    public JobResult run(LocalDate date, Instant now) {
        List<BrokerStatementSource> list = sources.get();
        if (list.isEmpty()) {
            return new JobResult(DailyJob.RECONCILIATION, date, now, false,
                    List.of("no broker statement source registered: nothing to reconcile against"));
        }
        List<Difference> diffs = differences(Clock.toNanos(date.atStartOfDay(exchangeZone).toInstant()));
        List<String> findings = new ArrayList<>(diffs.stream().map(Difference::toString).toList());
        if (diffs.isEmpty()) {
            findings.add("orders, positions and cash agree with " + String.join(", ",
                    list.stream().map(BrokerStatementSource::brokerId).toList()));
        }
        return new JobResult(DailyJob.RECONCILIATION, date, now, diffs.isEmpty(), findings);
    }
}
