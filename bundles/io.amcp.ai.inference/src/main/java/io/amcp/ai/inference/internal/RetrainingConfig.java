package io.amcp.ai.inference.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One periodic retraining job, factory PID {@code io.amcp.ai.retraining}
 * ({@code io.amcp.ai.retraining-<name>.cfg}).
 */
@ObjectClassDefinition(name = "AMCP model retraining",
        description = "Retrains a model on a schedule, registers each version and promotes it when it is not worse")
public @interface RetrainingConfig {

    @AttributeDefinition(name = "model.name", description = "Registered model name")
    String model_name();

    @AttributeDefinition(description = "Registry root folder; relative paths are under karaf.data")
    String registry() default "models";

    @AttributeDefinition(description = "Time of day of each run, HH:mm in the exchange time zone")
    String scheduleTime() default "18:00";

    @AttributeDefinition(description = "Exchange time zone of the schedule, e.g. America/New_York")
    String scheduleZone() default "America/New_York";

    @AttributeDefinition(description = "Skip Saturdays and Sundays")
    boolean weekdaysOnly() default true;

    @AttributeDefinition(description = "Dataset id of a DatasetProvider service")
    String dataset();

    @AttributeDefinition(description = "Instrument symbol in the dataset; empty for its first series")
    String instrument() default "";

    @AttributeDefinition(description = "Most recent bars to train on (0 for all up to now)", min = "0")
    int maxBars() default 0;

    @AttributeDefinition(description = "Label horizon: the triple barrier's vertical barrier in bars", min = "1")
    int horizonBars() default 12;

    @AttributeDefinition(description = "Profit-take barrier in volatility units")
    double profitTake() default 1.0;

    @AttributeDefinition(description = "Stop-loss barrier in volatility units")
    double stopLoss() default 1.0;

    @AttributeDefinition(description = "Bars of the volatility estimate of the barriers", min = "2")
    int volatilityBars() default 20;

    @AttributeDefinition(description = "Model kinds: xgboost, gradient-boosting, random-forest, logistic-regression, "
            + "svm; several are stacked by out-of-sample skill")
    String[] models() default {"xgboost"};

    @AttributeDefinition(description = "Held-out fraction of the newest samples for the out-of-sample metric")
    double holdout() default 0.3;

    @AttributeDefinition(description = "Bars purged before the held-out part (and the stacking folds' embargo)", min = "0")
    int embargoBars() default 2;

    @AttributeDefinition(description = "Promotion metric: logLoss (lower is better) or accuracy (higher is better)")
    String promotionMetric() default "logLoss";

    @AttributeDefinition(description = "Promote when the new metric is worse than the promoted one by at most this", min = "0")
    double tolerance() default 0.0;

    @AttributeDefinition(description = "Seconds between checks whether a run is due; 0 for none (runs are then "
            + "started by runIfDue)", min = "0")
    int pollSeconds() default 60;

    @AttributeDefinition(description = "Random seed of the models")
    long seed() default 1;
}
