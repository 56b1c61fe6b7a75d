package io.amcp.ops.internal.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.api.model.Bar;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderStatus;
import io.amcp.api.order.OrderView;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.RiskContext;
import io.amcp.api.spi.RiskDecision;
import io.amcp.api.spi.RiskRule;
import io.amcp.broker.paper.PaperExchange;
import io.amcp.broker.paper.PaperSettings;
import io.amcp.core.Kernel;
import io.amcp.core.SimulatedClock;
import io.amcp.core.journal.Journal;
import io.amcp.core.risk.MaxOrderNotionalRule;
import io.amcp.ops.Alert;
import io.amcp.ops.Severity;
import io.amcp.ops.internal.risk.KillSwitchAlerts;
import io.amcp.ops.internal.risk.RiskAlerts;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Risk events of a real kernel (a risk-chain denial, a drawdown limit that stops trading) and the kill
 * switch it engages, alerted at engagement by the subscribed observer (no probe), raised through the real alert dispatcher:
 * de-duplicated by key and rate-limited per channel. Delivery runs on the calling thread so every
 * count is exact.
 */
class RiskAlertsTest {

    private static final InstrumentId AAPL = InstrumentId.of("AAPL");
    private static final StrategyId ALPHA = StrategyId.of("alpha");

    /** Stops trading once equity falls 1% below its peak (a monitoring rule, as drawdown limits are). */
    static final class OnePercentDrawdown implements RiskRule {
        private long peak;
        private boolean stopped;

        @Override
        public String name() {
            return "max-drawdown";
        }

        @Override
        public RiskDecision check(SubmitOrder order, StrategyId strategy, RiskContext context) {
            return RiskDecision.APPROVED;
        }

        @Override
        public boolean monitors() {
            return true;
        }

        @Override
        public void monitor(RiskContext context) {
            long equity = context.account().equity().raw();
            peak = Math.max(peak, equity);
            if (!stopped && equity <= peak - peak / 100) {
                stopped = true;
                context.stopTrading("drawdown from " + Money.ofRaw(peak) + " to " + context.account().equity() + " exceeds 1%");
            }
        }
    }

    record Channel(String name, List<Alert> received) implements AlertChannel {
        @Override
        public void send(Alert alert) {
            received.add(alert);
        }
    }

    private static long ny(int hour, int minute) {
        return Clock.toNanos(LocalDateTime.of(2024, 3, 4, hour, minute).atZone(ZoneId.of("America/New_York")).toInstant());
    }

    @Test
    void denialsBreachesAndTheKillSwitchBecomeDeduplicatedRateLimitedAlertsAtOnce() {
        SimulatedClock clock = new SimulatedClock(ny(9, 59));
        Kernel kernel = new Kernel(clock, Journal.NONE, Money.of("100000"), 1.0);
        kernel.registerInstrument(Instrument.equity("AAPL"));
        kernel.addRiskRule(new MaxOrderNotionalRule(Money.of("10000")));
        kernel.addRiskRule(new OnePercentDrawdown());
        PaperExchange exchange = new PaperExchange("paper", clock, PaperSettings.FRICTIONLESS, kernel::instrument);
        kernel.addBroker(exchange);
        kernel.addMarketDataSink(exchange);

        Channel log = new Channel("log", new CopyOnWriteArrayList<>());
        Channel pager = new Channel("pager", new CopyOnWriteArrayList<>());
        AlertDispatcher dispatcher = new AlertDispatcher(clock, Duration.ofMinutes(5), List.of(
                new AlertDispatcher.Route(log, Severity.INFO, 100, Duration.ofMinutes(1)),
                new AlertDispatcher.Route(pager, Severity.WARNING, 2, Duration.ofHours(1))), Runnable::run);
        kernel.addListener(new RiskAlerts(dispatcher));
        // the one observer of the kill switch, subscribed to it: no health probe runs in this test
        kernel.killSwitch().onChange(new KillSwitchAlerts(() -> dispatcher));

        kernel.post(Bar.of(AAPL, ny(10, 0), 179, 180, 178, 179, 1_000_000));
        // 100 x 179 = 17900 over the 10000 limit, twice: one alert, one duplicate
        OrderView denied = kernel.submit(ALPHA, SubmitOrder.market(AAPL, Side.BUY, Quantity.of(100)));
        kernel.submit(ALPHA, SubmitOrder.market(AAPL, Side.BUY, Quantity.of(100)));
        assertThat(kernel.order(denied.clientOrderId()).status()).isEqualTo(OrderStatus.REJECTED);

        // 50 x 179 = 8950 passes; filled at 180, marked at 181: equity 100000 - 9000 + 9050 = 100050 (the peak)
        kernel.submit(ALPHA, SubmitOrder.market(AAPL, Side.BUY, Quantity.of(50)));
        clock.advanceTo(ny(10, 1));
        kernel.post(Bar.of(AAPL, ny(10, 1), 180, 181, 179, 181, 1_000_000));
        // marked at 150: equity 91000 + 7500 = 98500, 1550 below the peak (1.55%): trading stops
        clock.advanceTo(ny(10, 2));
        kernel.post(Bar.of(AAPL, ny(10, 2), 160, 160, 150, 150, 1_000_000));
        clock.advanceTo(ny(10, 3));
        kernel.post(Bar.of(AAPL, ny(10, 3), 150, 151, 149, 150, 1_000_000));
        assertThat(kernel.killSwitch().isEngaged()).isTrue();

        assertThat(log.received()).extracting(Alert::severity, Alert::key).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Severity.WARNING, "risk-denied:max-order-notional:alpha"),
                org.assertj.core.groups.Tuple.tuple(Severity.CRITICAL, "risk-limit:stop-trading"),
                org.assertj.core.groups.Tuple.tuple(Severity.CRITICAL, "kill-switch"));
        assertThat(log.received().get(0).message()).startsWith("Order " + denied.clientOrderId().value()
                + " of alpha (buy 100 AAPL) denied by max-order-notional: ");
        assertThat(log.received().get(1).message()).isEqualTo(
                "Risk limit stop-trading: drawdown from 100050 to 98500 exceeds 1%");
        assertThat(log.received().get(2).message()).isEqualTo(
                "Kill switch engaged: drawdown from 100050 to 98500 exceeds 1%");
        assertThat(dispatcher.duplicates()).isEqualTo(1);
        // two per hour for the pager: the kill switch, third in two minutes, is held back
        assertThat(pager.received()).hasSize(2);
        assertThat(dispatcher.rateLimited("pager")).isEqualTo(1);

        kernel.killSwitch().release();
        assertThat(log.received()).last().extracting(Alert::severity, Alert::key)
                .containsExactly(Severity.INFO, "kill-switch-released");
        kernel.stop();
    }
}
