package io.amcp.risk.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.api.model.Bar;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Money;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderStatus;
import io.amcp.api.order.OrderView;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.RiskRule;
import io.amcp.api.spi.Strategy;
import io.amcp.api.spi.StrategyContext;
import io.amcp.broker.paper.PaperExchange;
import io.amcp.broker.paper.PaperSettings;
import io.amcp.core.Kernel;
import io.amcp.core.KernelListener;
import io.amcp.core.SimulatedClock;
import io.amcp.core.journal.Journal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each action once through a real kernel with the paper exchange: a strategy buys 10 AAPL on every
 * daily bar (market orders fill at the next bar's open; here open = close), the rule acts.
 */
class KernelActionsTest {

    private static final InstrumentId AAPL = InstrumentId.of("AAPL");
    /** Weekday closes, 16:00 New York (21:00 UTC in January). */
    private static final String[] DAYS = {"2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08",
        "2024-01-09"};

    private static Bar bar(int day, double price) {
        long t = Instant.parse(DAYS[day] + "T21:00:00Z").getEpochSecond() * 1_000_000_000L;
        return Bar.of(AAPL, t, price, price + 1, price - 1, price, 100_000);
    }

    /** Buys 10 on every bar. */
    static final class Buyer implements Strategy {
        StrategyContext ctx;

        @Override
        public StrategyId id() {
            return StrategyId.of("buyer");
        }

        @Override
        public void onStart(StrategyContext context) {
            ctx = context;
            ctx.subscribe(AAPL);
        }

        @Override
        public void onBar(Bar bar) {
            ctx.submit(SubmitOrder.market(AAPL, Side.BUY, Quantity.of(10)));
        }
    }

    private final List<String> alerts = new ArrayList<>();

    private Kernel kernel(RiskRule rule) {
        Kernel k = new Kernel(new SimulatedClock(0), Journal.NONE, Money.of("100000"), 1.0);
        PaperExchange exchange = new PaperExchange(k.clock(), PaperSettings.FRICTIONLESS, k::instrument);
        k.addBroker(exchange);
        k.addMarketDataSink(exchange);
        k.addRiskRule(rule);
        k.addListener(new KernelListener() {
            @Override
            public void onRiskAlert(String rule, String message) {
                alerts.add(rule + ": " + message);
            }
        });
        k.addStrategy(new Buyer());
        return k;
    }

    private static List<OrderView> of(Kernel k, String owner) {
        return k.orders().stream().filter(o -> o.strategyId().value().equals(owner)).toList();
    }

    @Test
    void blockRejectsTheOrderThatWouldPassThePositionLimit() {
        Kernel k = kernel(new PositionLimitRule(Configs.of(PositionLimitConfig.class, Map.of("maxQuantity", "25"))));
        k.processBar(bar(0, 100)); // buy 10 sent: 0 + 10 working
        k.processBar(bar(1, 100)); // filled; buy 10: 10 + 10 = 20 <= 25
        k.processBar(bar(2, 100)); // filled; buy 10: 20 + 10 = 30 > 25 -> rejected
        assertThat(of(k, "buyer")).filteredOn(o -> o.status() == OrderStatus.REJECTED)
                .extracting(OrderView::reason).singleElement().asString()
                .contains("position-limit: AAPL position would reach 30, limit 25");
        assertThat(k.positions()).singleElement().satisfies(p -> assertThat(p.quantity()).isEqualTo(Quantity.of(20)));
    }

    @Test
    void stopFlattensAndEngagesTheKillSwitchOnADrawdown() {
        Kernel k = kernel(new DrawdownRule(Configs.of(DrawdownConfig.class,
                Map.of("maxDrawdownPercent", 1.0, "action", "stop"))));
        k.processBar(bar(0, 100));
        k.processBar(bar(1, 100)); // 10 at 100: equity 100,000, the peak
        k.processBar(bar(2, 99));  // 10 at 99: 100,000 - 1,000 - 990 + 20 x 99 = 99,990
        k.processBar(bar(3, 40));  // 10 at 40: 100,000 - 1,990 - 400 + 30 x 40 = 98,810: 1.19% > 1%
        assertThat(alerts).anyMatch(a -> a.equals(
                "stop-trading: drawdown: drawdown 1.2% from peak equity 100000.00 to 98810.00, limit 1%"));
        assertThat(k.killSwitch().isEngaged()).isTrue();
        k.processBar(bar(4, 41)); // the risk engine's sale of 30 fills at 41
        assertThat(k.positions()).isEmpty();
        assertThat(of(k, "risk")).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(o.request().quantity()).isEqualTo(Quantity.of(30));
        });
    }

    @Test
    void alertReportsTheDailyLossAndLetsOrdersPass() {
        Kernel k = kernel(new DailyLossRule(Configs.of(DailyLossConfig.class,
                Map.of("maxLossPercent", 1.0, "action", "alert"))));
        k.processBar(bar(0, 100));
        k.processBar(bar(1, 100));
        k.processBar(bar(2, 99));
        // day 3: 20 held fall from 99 to 40 and 10 more bought at 40; the day started at 99,990 at most,
        // and ends at 98,810: a loss of at least 1,180 = 1.18% > 1%
        k.processBar(bar(3, 40));
        assertThat(alerts).anyMatch(a -> a.startsWith("daily-loss: day loss ") && a.endsWith("limit 1%"));
        assertThat(k.killSwitch().isEngaged()).isFalse();
        assertThat(of(k, "buyer")).noneMatch(o -> o.status() == OrderStatus.REJECTED);
    }

    @Test
    void reduceSellsBackToTheGrossExposureLimit() {
        Kernel k = kernel(new NotionalLimitRule(Configs.of(NotionalLimitConfig.class,
                Map.of("maxGrossExposure", 2500.0, "action", "reduce"))));
        k.processBar(bar(0, 100)); // buy 10: gross would be 1,000
        k.processBar(bar(1, 100)); // filled; buy 10: 2,000
        k.processBar(bar(2, 100)); // filled; buy 10: 3,000 > 2,500 refused
        k.processBar(bar(3, 150)); // 20 x 150 = 3,000 > 2,500: cut 1 - 2,500 / 3,000 = 1/6 of 20 = 3.3 -> sell 4
        k.processBar(bar(4, 150)); // the sale fills: 16 x 150 = 2,400
        assertThat(of(k, "risk")).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(o.request().side()).isEqualTo(Side.SELL);
            assertThat(o.request().quantity()).isEqualTo(Quantity.of(4));
        });
        assertThat(k.positions()).singleElement().satisfies(p -> assertThat(p.quantity()).isEqualTo(Quantity.of(16)));
        assertThat(of(k, "buyer")).filteredOn(o -> o.status() == OrderStatus.REJECTED).extracting(OrderView::reason)
                .contains("notional-limit: gross exposure would be 3000.00, limit 2500.00");
    }
}
