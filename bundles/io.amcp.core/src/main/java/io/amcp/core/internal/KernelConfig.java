package io.amcp.core.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the trading kernel, PID {@code io.amcp.core}. */
@ObjectClassDefinition(name = "AMCP kernel", description = "Trading kernel, ledger, journal and built-in risk limits")
public @interface KernelConfig {

    @AttributeDefinition(description = "Starting cash of the account, in dollars")
    String initialCash() default "100000";

    @AttributeDefinition(description = "Buying power as a multiple of equity (1 = cash account)")
    double leverage() default 1.0;

    @AttributeDefinition(description = "Clock: 'replay' follows the time of the market data (accelerated replay "
            + "of history), 'wall' is the system clock (live trading)")
    String clock() default "replay";

    @AttributeDefinition(description = "Journal directory; empty means ${karaf.data}/journal")
    String journalDirectory() default "";

    @AttributeDefinition(description = "Force every journal append to disk (survives power loss; slow)")
    boolean fsync() default false;

    @AttributeDefinition(description = "Largest notional of one order in dollars; empty disables the rule")
    String maxOrderNotional() default "50000";

    @AttributeDefinition(description = "Largest absolute position per symbol, in units; empty disables the rule")
    String maxPositionQuantity() default "1000";

    @AttributeDefinition(description = "Daily loss in dollars after which only reducing orders pass; empty disables")
    String maxDailyLoss() default "5000";

    @AttributeDefinition(description = "What happens to the working orders of a strategy that FAILED or was stopped: "
            + "'cancel' them or 'keep' them working")
    String haltedStrategyOrders() default "cancel";

    @AttributeDefinition(description = "A strategy callback running longer than this many milliseconds blocks the "
            + "kernel: the strategy is marked FAILED and the kernel continues on a new thread (0 disables)")
    long blockedStrategyMillis() default 5000;

    @AttributeDefinition(description = "Events held for a strategy between two versions (hot swap) before it is "
            + "given up and STOPPED")
    int swapHoldLimit() default 1000000;
}
