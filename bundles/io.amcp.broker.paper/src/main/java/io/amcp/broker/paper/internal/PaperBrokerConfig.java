package io.amcp.broker.paper.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the paper exchange, PID {@code io.amcp.broker.paper}. */
@ObjectClassDefinition(name = "AMCP paper exchange", description = "Simulated venue matching orders on market data")
public @interface PaperBrokerConfig {

    @AttributeDefinition(description = "Adverse slippage on market and stop fills, basis points")
    double slippageBps() default 1.0;

    @AttributeDefinition(description = "Commission model: per-share, per-contract, bps or none")
    String commissionModel() default "per-share";

    @AttributeDefinition(description = "Per-share commission in dollars (per-share model; per-contract model for non-options)")
    String commissionPerShare() default "0.005";

    @AttributeDefinition(description = "Minimum commission per fill in dollars (per-share model)")
    String commissionMinimum() default "1.00";

    @AttributeDefinition(description = "Commission per option contract in dollars (per-contract model)")
    String commissionPerContract() default "0.65";

    @AttributeDefinition(description = "Commission in basis points of notional (bps model)")
    double commissionBps() default 0.0;

    @AttributeDefinition(description = "Largest fraction of a bar's volume filled per bar (0 = no cap)")
    double maxParticipation() default 0.0;

    @AttributeDefinition(description = "The paper account's cash before its first fill, in dollars (its statement's "
            + "cash is this moved by the fills); keep it equal to the kernel's initialCash (PID io.amcp.core)")
    String openingCash() default "100000";

    @AttributeDefinition(description = "Directory of the exchange's own journal (its book survives restarts, as a real "
            + "venue's does); empty means ${karaf.data}/paper; 'none' keeps the book in memory only")
    String journalDirectory() default "";
}
