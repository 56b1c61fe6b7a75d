package io.amcp.strategy.marketmaking;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of one market-making instance, PID {@code io.amcp.strategy.marketmaking} (a factory
 * PID: {@code io.amcp.strategy.marketmaking-<name>.cfg} files run several instances side by side).
 */
@ObjectClassDefinition(name = "AMCP market making",
        description = "Two-sided limit quotes around an inventory-skewed reservation price (Avellaneda-Stoikov)")
public @interface MarketMakingConfig {

    @AttributeDefinition(description = "Strategy id, unique on the node")
    String id() default "market-maker";

    @AttributeDefinition(description = "Symbol to quote")
    String symbol() default "BTC/USD";

    @AttributeDefinition(description = "Distance of each quote from the reservation price, price units")
    String halfSpread() default "0.5";

    @AttributeDefinition(description = "Risk aversion gamma of the reservation price", min = "0")
    double riskAversion() default 0.1;

    @AttributeDefinition(description = "Volatility sigma of the mid, price units per square-root second", min = "0")
    double volatility() default 1.0;

    @AttributeDefinition(description = "Horizon T in seconds", min = "0")
    double horizonSeconds() default 10;

    @AttributeDefinition(description = "Quantity of each quote")
    String quoteSize() default "0.1";

    @AttributeDefinition(description = "Largest absolute inventory; the side that would exceed it is not quoted")
    String maxInventory() default "1";

    @AttributeDefinition(description = "Re-quote when the mid has moved more than this, price units")
    String requoteThreshold() default "0.25";

    @AttributeDefinition(description = "Price increment of the venue")
    String tickSize() default "0.01";
}
