package io.amcp.options;

/** The valuation models of {@link OptionPricer}. */
public enum PricingModel {
    /** Black-Scholes-Merton with a continuous dividend yield, European exercise, analytic Greeks. */
    BLACK_SCHOLES_MERTON(ExerciseStyle.EUROPEAN),
    /**
     * Black (1976) for options on futures, European exercise, analytic Greeks. The input's spot is the
     * futures price; its dividend yield is ignored (the cost of carry is zero).
     */
    BLACK_76(ExerciseStyle.EUROPEAN),
    /** Cox-Ross-Rubinstein binomial tree with early exercise; Greeks by finite differences on the tree. */
    BINOMIAL_CRR(ExerciseStyle.AMERICAN),
    /** Barone-Adesi-Whaley (1987) quadratic approximation of the American price; Greeks by finite differences. */
    BARONE_ADESI_WHALEY(ExerciseStyle.AMERICAN);

    private final ExerciseStyle style;

    PricingModel(ExerciseStyle style) {
        this.style = style;
    }

    /** The exercise style the model values. */
    public ExerciseStyle exerciseStyle() {
        return style;
    }
}
