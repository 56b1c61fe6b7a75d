package io.amcp.strategy.ml;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of one ML-signal instance, factory PID {@code io.amcp.strategy.ml}
 * ({@code io.amcp.strategy.ml-<name>.cfg}). {@code predictor.target} picks the model, e.g.
 * {@code (model.name=btc-gbt)}.
 */
@ObjectClassDefinition(name = "AMCP ML signal", description = "Trades a model's up/flat/down prediction, sized by confidence")
public @interface MlStrategyConfig {

    @AttributeDefinition(description = "Strategy id, unique on the node")
    String id() default "ml-signal";

    @AttributeDefinition(description = "Symbol to trade")
    String symbol() default "BTC/USD";

    @AttributeDefinition(name = "predictor.target", description = "Filter selecting the Predictor service")
    String predictor_target() default "(model.name=*)";

    @AttributeDefinition(description = "Least probability of the predicted class to act on it", min = "0", max = "1")
    double minConfidence() default 0.45;

    @AttributeDefinition(description = "Position value at full confidence, as a fraction of equity", min = "0")
    double maxAllocation() default 1.0;

    @AttributeDefinition(description = "Whether a 'down' prediction goes short (else flat)")
    boolean allowShort() default false;

    @AttributeDefinition(description = "Smallest tradable quantity step, e.g. 1 for shares, 0.0001 for BTC")
    String lot() default "0.0001";

    @AttributeDefinition(description = "Skip rebalances smaller than this fraction of equity", min = "0")
    double minTradeFraction() default 0.05;

    @AttributeDefinition(description = "ISO-8601 instant from which to trade; earlier bars only warm up the features "
            + "(empty: trade as soon as the features are warm)")
    String tradeFrom() default "";

    @AttributeDefinition(description = "Time zone of the calendar features; must match the model's training")
    String zone() default "UTC";
}
