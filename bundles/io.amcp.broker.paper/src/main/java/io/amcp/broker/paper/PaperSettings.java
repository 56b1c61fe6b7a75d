package io.amcp.broker.paper;

import java.util.Objects;

/**
 * How the paper exchange behaves; the configuration record backtests pass to
 * {@link PaperExchange#PaperExchange(io.amcp.api.spi.Clock, PaperSettings, java.util.function.Function)}.
 *
 * @param slippageBps      adverse slippage, in basis points of the price, on fills that take
 *                         liquidity: market orders, triggered stops and trailing stops, market-on-open
 *                         and market-on-close; never on limit prices
 * @param commission       commission model
 * @param maxParticipation largest fraction of a bar's volume that the orders of one instrument may
 *                         take per bar, in (0, 1]; 0 = no cap. What is left over stays working and
 *                         fills on later bars (partial fills)
 */
public record PaperSettings(double slippageBps, CommissionModel commission, double maxParticipation) {

    /** No slippage, no commission, no volume cap. */
    public static final PaperSettings FRICTIONLESS = new PaperSettings(0, CommissionModel.NONE, 0);

    public PaperSettings {
        Objects.requireNonNull(commission, "commission");
        if (!(slippageBps >= 0 && slippageBps <= 1000)) {
            throw new IllegalArgumentException("slippageBps: must be in [0, 1000], was " + slippageBps);
        }
        if (!(maxParticipation >= 0 && maxParticipation <= 1)) {
            throw new IllegalArgumentException("maxParticipation: must be in [0, 1], was " + maxParticipation);
        }
    }

    /** These settings with another slippage. */
    public PaperSettings withSlippageBps(double bps) {
        return new PaperSettings(bps, commission, maxParticipation);
    }

    /** These settings with another commission model. */
    public PaperSettings withCommission(CommissionModel model) {
        return new PaperSettings(slippageBps, model, maxParticipation);
    }

    /** These settings with another volume cap. */
    public PaperSettings withMaxParticipation(double fraction) {
        return new PaperSettings(slippageBps, commission, fraction);
    }
}
