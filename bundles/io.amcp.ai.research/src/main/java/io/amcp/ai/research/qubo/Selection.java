package io.amcp.ai.research.qubo;

import java.util.ArrayList;
import java.util.List;

/**
 * A solver's answer: the chosen assets and their QUBO energy.
 *
 * @param chosen   {@code chosen[i]} when asset {@code i} is held
 * @param energy   {@link PortfolioQubo#energy(boolean[])} of the selection
 * @param flips    spin-flip attempts the solver spent (its compute budget)
 */
public record Selection(boolean[] chosen, double energy, long flips) {

    public Selection {
        chosen = chosen.clone();
    }

    @Override
    public boolean[] chosen() {
        return chosen.clone();
    }

    /** Indices of the held assets, ascending. */
    public List<Integer> assets() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < chosen.length; i++) {
            if (chosen[i]) {
                out.add(i);
            }
        }
        return out;
    }
}
