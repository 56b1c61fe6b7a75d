package io.amcp.risk;

import io.amcp.api.model.InstrumentId;

/**
 * Euler allocation of the parametric VaR to one risk factor (an asset of the returns history; an
 * option contributes through its underlying). The components of all assets sum to the parametric VaR.
 *
 * @param asset         asset of the returns history
 * @param exposure      dollar delta exposure to the asset's returns
 * @param confidence    confidence level
 * @param marginalVar   dVaR/dExposure: VaR added per extra dollar of exposure
 * @param componentVar  {@code exposure * marginalVar}
 * @param contribution  {@code componentVar / VaR} (fractions sum to 1)
 */
public record ComponentVar(InstrumentId asset, double exposure, double confidence, double marginalVar,
        double componentVar, double contribution) {
}
