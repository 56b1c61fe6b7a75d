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
 */
public record StructureView(String id, OptionStructure structure, int quantity, StructureState state,
        double entryPremium, double exitCost, ExitReason exitReason) {

    public StructureView {
        Objects.requireNonNull(structure, "structure");
        Objects.requireNonNull(state, "state");
    }

    /** Realised P&amp;L per unit (premium terms, before the multiplier). */
    public double pnlPerUnit() {
        return entryPremium - exitCost;
    }
}
