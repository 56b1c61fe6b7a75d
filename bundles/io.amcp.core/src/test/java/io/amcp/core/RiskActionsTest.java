package io.amcp.core;

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
import io.amcp.api.spi.RiskContext;
import io.amcp.api.spi.RiskDecision;
import io.amcp.api.spi.RiskRule;
import io.amcp.api.spi.Strategy;
import io.amcp.api.spi.StrategyContext;
import io.amcp.core.journal.Journal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Monitoring risk rules and their actions: alert, and stop trading (flatten + kill switch). */
class RiskActionsTest {

    private static final InstrumentId AAPL = InstrumentId.of("AAPL");
    private static final long DAY = 86_400_000_000_000L;
    private static final long T0 = 1_356_998_400_000_000_000L + 21 * 3_600_000_000_000L;

    private static Bar bar(int i, double close) {
        return Bar.of(AAPL, T0 + i * DAY, close, close + 1, close - 1, close, 1000);
    }

    /** Buys 10 on every bar while it can. */
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

    /** Stops trading once equity falls below a floor; alerts once below an earlier warning level. */
    static final class EquityFloor implements RiskRule {
        final List<String> alerts = new ArrayList<>();
        boolean stopped;

        @Override
        public String name() {
            return "equity-floor";
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
            Money equity = context.account().equity();
            if (!stopped && equity.compareTo(Money.of("99900")) < 0) {
                stopped = true;
                context.stopTrading("equity " + equity + " below the floor 99900");
            } else if (equity.compareTo(Money.of("99995")) < 0 && alerts.isEmpty()) {
                alerts.add("equity " + equity);
                context.alert(name(), "equity " + equity + " below the warning level 99995");
            }
        }
    }

    @Test
    void aStopLimitFlattensEveryPositionAndEngagesTheKillSwitch() {
        ScriptedVenue venue = new ScriptedVenue(Money.ZERO);
        Kernel k = new Kernel(new SimulatedClock(0), Journal.NONE, Money.of("100000"), 1.0);
        k.addBroker(venue);
        k.addMarketDataSink(venue);
        EquityFloor floor = new EquityFloor();
        k.addRiskRule(floor);
        List<String> alerts = new ArrayList<>();
        k.addListener(new KernelListener() {
            @Override
            public void onRiskAlert(String rule, String message) {
                alerts.add(rule + ": " + message);
            }
        });
        k.addStrategy(new Buyer());
        k.processBar(bar(0, 100)); // buy 10 submitted
        k.processBar(bar(1, 100)); // filled at 100; buy 10 more
        k.processBar(bar(2, 99));  // filled at 99; 20 held marked 99: 100000 - 1000 - 990 + 20 * 99 = 99990 -> alert
        k.processBar(bar(3, 94));  // filled at 94; 30 held marked 94: 100000 - (100+99+94)*10 + 30*94 = 99890 -> stop

        assertThat(alerts).anyMatch(a -> a.startsWith("equity-floor: equity 99990"));
        assertThat(alerts).anyMatch(a -> a.startsWith("stop-trading: equity 99890"));
        assertThat(k.killSwitch().isEngaged()).isTrue();
        k.processBar(bar(4, 95)); // the liquidation fills at 95; the buyer's new order is refused

        assertThat(k.positions()).isEmpty();
        List<OrderView> orders = k.orders();
        assertThat(orders).filteredOn(o -> o.strategyId().value().equals("risk"))
                .singleElement().satisfies(o -> {
                    assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
                    assertThat(o.request().side()).isEqualTo(Side.SELL);
                    assertThat(o.request().quantity()).isEqualTo(Quantity.of(30));
                });
        assertThat(orders).filteredOn(o -> o.strategyId().value().equals("buyer") && o.status() == OrderStatus.REJECTED)
                .allSatisfy(o -> assertThat(o.reason()).contains("kill switch"))
                .isNotEmpty();
    }
}
