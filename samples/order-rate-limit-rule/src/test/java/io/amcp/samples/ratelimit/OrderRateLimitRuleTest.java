package io.amcp.samples.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.api.model.Instrument;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderView;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.portfolio.AccountView;
import io.amcp.api.portfolio.PositionView;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.RiskContext;
import io.amcp.api.spi.RiskDecision;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderRateLimitRuleTest {

    private static final long SECOND = 1_000_000_000L;
    private static final StrategyId ALPHA = StrategyId.of("alpha");
    private static final StrategyId BETA = StrategyId.of("beta");
    private static final SubmitOrder ORDER = SubmitOrder.market(InstrumentId.of("AAPL"), Side.BUY, Quantity.of(1));

    /** A kernel clock the test moves by hand. */
    private final HandClock clock = new HandClock();
    private final RiskContext context = new ClockOnlyContext(clock);

    private RiskDecision submitAt(OrderRateLimitRule rule, StrategyId strategy, long seconds) {
        clock.now = seconds * SECOND;
        return rule.check(ORDER, strategy, context);
    }

    @Test
    void theFourthOrderWithinSixtySecondsIsRejectedNamingTheRuleAndTheLimit() {
        OrderRateLimitRule rule = new OrderRateLimitRule(3, 60);

        assertThat(submitAt(rule, ALPHA, 0).approved()).isTrue();
        assertThat(submitAt(rule, ALPHA, 10).approved()).isTrue();
        assertThat(submitAt(rule, ALPHA, 20).approved()).isTrue();
        RiskDecision fourth = submitAt(rule, ALPHA, 30);

        assertThat(fourth.approved()).isFalse();
        assertThat(fourth.rule()).isEqualTo("order-rate-limit");
        assertThat(fourth.reason()).contains("maxOrders=3").contains("windowSeconds=60").contains("alpha");
    }

    @Test
    void theWindowRollsWithKernelTime() {
        OrderRateLimitRule rule = new OrderRateLimitRule(3, 60);
        submitAt(rule, ALPHA, 0);
        submitAt(rule, ALPHA, 10);
        submitAt(rule, ALPHA, 20);

        // approved at 0, 10, 20: at 59 s all three are inside (now - t < 60) ...
        assertThat(submitAt(rule, ALPHA, 59).approved()).isFalse();
        // ... at 60 s the order of 0 s has left the window, so one more fits ...
        assertThat(submitAt(rule, ALPHA, 60).approved()).isTrue();
        // ... and the window now holds 10, 20, 60: full until 70 s
        assertThat(submitAt(rule, ALPHA, 69).approved()).isFalse();
        assertThat(submitAt(rule, ALPHA, 70).approved()).isTrue();
    }

    @Test
    void eachStrategyHasItsOwnWindow() {
        OrderRateLimitRule rule = new OrderRateLimitRule(2, 60);
        submitAt(rule, ALPHA, 0);
        submitAt(rule, ALPHA, 1);

        assertThat(submitAt(rule, ALPHA, 2).approved()).isFalse();
        assertThat(submitAt(rule, BETA, 2).approved()).isTrue();
        assertThat(submitAt(rule, BETA, 3).approved()).isTrue();
        assertThat(submitAt(rule, BETA, 4).approved()).isFalse();
    }

    @Test
    void badConfigurationNamesTheField() {
        assertThatThrownBy(() -> new OrderRateLimitRule(0, 60)).hasMessageStartingWith("maxOrders:");
        assertThatThrownBy(() -> new OrderRateLimitRule(5, 0)).hasMessageStartingWith("windowSeconds:");
    }

    private static final class HandClock implements Clock {
        long now;

        @Override
        public long nanos() {
            return now;
        }
    }

    /** A risk context that only knows the time; the rule must need nothing else. */
    private record ClockOnlyContext(Clock clock) implements RiskContext {
        @Override
        public AccountView account() {
            throw new UnsupportedOperationException("account");
        }

        @Override
        public PositionView position(InstrumentId instrument) {
            throw new UnsupportedOperationException("position");
        }

        @Override
        public Price lastPrice(InstrumentId instrument) {
            throw new UnsupportedOperationException("lastPrice");
        }

        @Override
        public Instrument instrument(InstrumentId instrument) {
            throw new UnsupportedOperationException("instrument");
        }

        @Override
        public List<OrderView> openOrders() {
            throw new UnsupportedOperationException("openOrders");
        }

        @Override
        public boolean killSwitchEngaged() {
            return false;
        }
    }
}
