package io.amcp.broker.paper;

import java.util.Objects;

/**
 * Paper exchange behaviour.
 *
 * @param slippageBps      adverse slippage on market and triggered-stop fills, basis points
 * @param commission       commission model
 * @param maxParticipation largest fraction of a bar's volume one instrument's orders may take
 *                         (0 = no cap); what is left over stays working (partial fills)
 */
public record PaperSettings(double slippageBps, CommissionModel commission, double maxParticipation) {

    public static final PaperSettings FRICTIONLESS = new PaperSettings(0, CommissionModel.NONE, 0);

    public PaperSettings {
        Objects.requireNonNull(commission, "commission");
        if (slippageBps < 0 || slippageBps > 1000) {
            throw new IllegalArgumentException("slippageBps: must be in [0, 1000], was " + slippageBps);
        }
        if (maxParticipation < 0 || maxParticipation > 1) {
            throw new IllegalArgumentException("maxParticipation: must be in [0, 1], was " + maxParticipation);
        }
    }
}
