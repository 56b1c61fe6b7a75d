package io.amcp.samples.ratelimit;

import io.amcp.api.model.StrategyId;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.RiskContext;
import io.amcp.api.spi.RiskDecision;
import io.amcp.api.spi.RiskRule;
import java.util.HashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Rejects an order when its strategy already had {@code maxOrders} orders approved by this rule
 * within the last {@code windowSeconds} of kernel time ({@link RiskContext#clock()}, simulated in a
 * backtest; never the wall clock). Each strategy has its own window; orders this rule rejects do not
 * count against it.
 *
 * <p>Per strategy it keeps the times of the last {@code maxOrders} approved orders in a ring: a new
 * order is over the limit exactly when the oldest of them is still inside the window. Runs on the
 * kernel thread, so no locking.
 */
@Component(service = RiskRule.class, configurationPid = "io.amcp.samples.ratelimit",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = OrderRateLimitConfig.class, factory = true)
public final class OrderRateLimitRule implements RiskRule {

    /** The rule's name in rejections. */
    public static final String NAME = "order-rate-limit";

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final int maxOrders;
    private final int windowSeconds;
    private final long windowNanos;
    private final Map<StrategyId, Ring> recent = new HashMap<>();

    public OrderRateLimitRule(int maxOrders, int windowSeconds) {
        if (maxOrders < 1) {
            throw new IllegalArgumentException("maxOrders: must be at least 1, was " + maxOrders);
        }
        if (windowSeconds < 1) {
            throw new IllegalArgumentException("windowSeconds: must be at least 1, was " + windowSeconds);
        }
        this.maxOrders = maxOrders;
        this.windowSeconds = windowSeconds;
        this.windowNanos = windowSeconds * NANOS_PER_SECOND;
    }

    @Activate
    public OrderRateLimitRule(OrderRateLimitConfig config) {
        this(config.maxOrders(), config.windowSeconds());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RiskDecision check(SubmitOrder order, StrategyId strategy, RiskContext context) {
        long now = context.clock().nanos();
        Ring ring = recent.computeIfAbsent(strategy, s -> new Ring(maxOrders));
        if (ring.full() && now - ring.oldest() < windowNanos) {
            return RiskDecision.reject(NAME, "strategy " + strategy.value() + " already submitted " + maxOrders
                    + " orders in the last " + windowSeconds + " s; limit maxOrders=" + maxOrders
                    + " per windowSeconds=" + windowSeconds);
        }
        ring.add(now);
        return RiskDecision.APPROVED;
    }

    /** The times of the last {@code capacity} approved orders, oldest first when full. */
    private static final class Ring {
        private final long[] times;
        private int next;
        private int size;

        Ring(int capacity) {
            this.times = new long[capacity];
        }

        boolean full() {
            return size == times.length;
        }

        long oldest() {
            return times[next];
        }

        void add(long time) {
            times[next] = time;
            next = (next + 1) % times.length;
            size = Math.min(size + 1, times.length);
        }
    }
}
