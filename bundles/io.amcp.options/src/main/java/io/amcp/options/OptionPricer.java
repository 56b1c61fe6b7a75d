package io.amcp.options;

import io.amcp.options.internal.Checks;

/** One entry point over every {@link PricingModel}. */
public final class OptionPricer {

    private OptionPricer() {
    }

    /** The value and Greeks of {@code o} under {@code model}; trees use {@link BinomialTree#DEFAULT_STEPS}. */
    public static OptionValuation value(PricingModel model, OptionInputs o) {
        return value(model, o, BinomialTree.DEFAULT_STEPS);
    }

    /** The value and Greeks of {@code o} under {@code model}; {@code steps} is used by {@link PricingModel#BINOMIAL_CRR} only. */
    public static OptionValuation value(PricingModel model, OptionInputs o, int steps) {
        Checks.present("model", model);
        Checks.present("inputs", o);
        return switch (model) {
            case BLACK_SCHOLES_MERTON -> BlackScholesMerton.value(o);
            case BLACK_76 -> Black76.value(o);
            case BINOMIAL_CRR -> BinomialTree.value(o, ExerciseStyle.AMERICAN, steps);
            case BARONE_ADESI_WHALEY -> BaroneAdesiWhaley.value(o);
        };
    }

    /** The value only (cheaper than {@link #value} for the tree and Barone-Adesi-Whaley). */
    public static double price(PricingModel model, OptionInputs o, int steps) {
        Checks.present("model", model);
        Checks.present("inputs", o);
        return switch (model) {
            case BLACK_SCHOLES_MERTON -> BlackScholesMerton.price(o);
            case BLACK_76 -> Black76.value(o).price();
            case BINOMIAL_CRR -> BinomialTree.price(o, ExerciseStyle.AMERICAN, steps);
            case BARONE_ADESI_WHALEY -> BaroneAdesiWhaley.price(o);
        };
    }
}
