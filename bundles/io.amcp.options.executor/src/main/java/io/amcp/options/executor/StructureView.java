package io.amcp.options.executor;

import java.util.Objects;

/**
 * A read-only view of one managed structure.
 *
 * @param id           executor-assigned id, e.g. {@code ic-3}
 * @param structure    the legs
 * @param quantity     structure units
 * @param state        life-cycle state
 * @param entryPremium premium received per unit on opening (negative: debit paid), from the fills
 * @param exitCost     premium paid per unit on closing (negative: received), from the fills
 * @param exitReason   why it was closed, or null while open
 * @param deliveredShares net underlying shares received (positive) or delivered (negative) by exercise
 *                        and assignment so far, from the fills; 0 unless settled physically
 * @param deliveryCost    cash paid for those shares (negative: received), from the fills
 */
public record StructureView(String id, OptionStructure structure, int quantity, StructureState state,
        double entryPremium, double exitCost, ExitReason exitReason, long deliveredShares, double deliveryCost) {

    public StructureView {
        Objects.requireNonNull(structure, "structure");
        Objects.requireNonNull(state, "state");
    }

    /**
     * Realised P&amp;L per unit (premium terms, before the multiplier). Under physical settlement this
     * counts each exercised or assigned leg at its intrinsic value, i.e. the delivered shares valued at
     * the price they were booked at ({@link OptionsExecutor}).
     */
    public double pnlPerUnit() {
        return entryPremium - exitCost;
    }
}
