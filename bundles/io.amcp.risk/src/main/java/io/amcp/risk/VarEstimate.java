package io.amcp.risk;

import io.amcp.risk.internal.Checks;

/**
 * Value at risk and expected shortfall (CVaR) over one day, as positive losses in the portfolio's
 * currency.
 *
 * @param method     estimation method
 * @param confidence confidence level, e.g. 0.99
 * @param var        loss not exceeded with probability {@code confidence}
 * @param cvar       expected loss given the loss is at least {@code var} (expected shortfall)
 */
public record VarEstimate(VarMethod method, double confidence, double var, double cvar) {

    public VarEstimate {
        Checks.present("method", method);
        Checks.confidence("confidence", confidence);
        Checks.finite("var", var);
        Checks.finite("cvar", cvar);
    }

    /** An estimate. */
    public static VarEstimate of(VarMethod method, double confidence, double var, double cvar) {
        return new VarEstimate(method, confidence, var, cvar);
    }
}
