package io.amcp.samples.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.api.model.Bar;
import io.amcp.api.model.BarSeries;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderDenied;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.Strategy;
import io.amcp.api.spi.StrategyContext;
import io.amcp.testkit.AmcpBacktest;
import io.amcp.testkit.BacktestHarness;
import io.amcp.testkit.BacktestOutcome;
import org.junit.jupiter.api.Test;

/** The rule inside the platform's real risk chain, driven by the test kit. */
class OrderRateLimitBacktestTest {

    private static final InstrumentId AAPL = InstrumentId.of("AAPL");

    /** Fires {@code burst} one-share market buys on every bar. */
    private static Strategy burstBuyer(int burst) {
        return new Strategy() {
            private StrategyContext context;

            @Override
            public StrategyId id() {
                return StrategyId.of("burst");
            }

            @Override
            public void onStart(StrategyContext ctx) {
                context = ctx;
                ctx.subscribe(AAPL);
            }

            @Override
            public void onBar(Bar bar) {
                for (int i = 0; i < burst; i++) {
                    context.submit(SubmitOrder.market(AAPL, Side.BUY, Quantity.of(1)));
                }
            }
        };
    }

    @Test
    @AmcpBacktest(dataset = "aapl-2013", cash = "1000000")
    void ordersBeyondTheLimitAreDeniedOnEveryBar(BacktestHarness harness) {
        BarSeries aapl = harness.data().get(0);
        int bars = aapl.size();

        BacktestOutcome outcome = harness.riskRule(new OrderRateLimitRule(3, 60)).run(burstBuyer(5));

        // daily bars are a day apart, so each bar's burst meets an empty 60 s window:
        // 3 of 5 pass, 2 are denied, on every bar; the last bar's 3 never fill (no bar after it)
        assertThat(outcome.denials()).hasSize(2 * bars).allSatisfy(d -> {
            assertThat(d.rule()).isEqualTo(OrderRateLimitRule.NAME);
            assertThat(d.reason()).contains("maxOrders=3");
        });
        assertThat(outcome.fills()).hasSize(3 * (bars - 1));
        assertThat(outcome.position(AAPL).quantity()).isEqualTo(Quantity.of(3L * (bars - 1)));
    }

    @Test
    @AmcpBacktest(dataset = "aapl-2013", cash = "1000000")
    void withoutTheRuleEveryOrderPasses(BacktestHarness harness) {
        BacktestOutcome outcome = harness.run(burstBuyer(5));

        assertThat(outcome.denials()).isEmpty();
        assertThat(outcome.orderEvents()).noneMatch(OrderDenied.class::isInstance);
    }
}
