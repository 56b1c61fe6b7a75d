package io.amcp.ai.research.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ParticleSwarmTest {

    @Test
    void findsTheMinimumOfTheSphereFunctionAtTheOrigin() {
        double[] lower = {-5, -5, -5, -5, -5};
        double[] upper = {5, 5, 5, 5, 5};
        ParticleSwarm.Result r = ParticleSwarm.of(30, 300, 1).minimise(x -> {
            double s = 0;
            for (double v : x) {
                s += v * v;
            }
            return s;
        }, lower, upper);
        for (double v : r.best()) {
            assertThat(v).isCloseTo(0, within(1e-4));
        }
        assertThat(r.value()).isLessThan(1e-8);
        assertThat(r.evaluations()).isEqualTo(30 * 301);
    }

    @Test
    void findsTheRosenbrockValleyMinimumAtOneOne() {
        // f(x, y) = (1 - x)^2 + 100 (y - x^2)^2, minimum 0 at (1, 1) (H. H. Rosenbrock, 1960)
        ParticleSwarm.Result r = ParticleSwarm.of(40, 400, 7).minimise(
                p -> (1 - p[0]) * (1 - p[0]) + 100 * (p[1] - p[0] * p[0]) * (p[1] - p[0] * p[0]),
                new double[] {-2, -1}, new double[] {2, 3});
        assertThat(r.best()[0]).isCloseTo(1, within(1e-3));
        assertThat(r.best()[1]).isCloseTo(1, within(2e-3));
        assertThat(r.history()[r.history().length - 1]).isLessThanOrEqualTo(r.history()[0]);
    }

    @Test
    void badBoundsNameTheField() {
        assertThatThrownBy(() -> ParticleSwarm.of(5, 5, 1).minimise(x -> 0, new double[] {0}, new double[] {0}))
                .hasMessageContaining("upper:");
        assertThatThrownBy(() -> ParticleSwarm.of(1, 5, 1)).hasMessageContaining("particles:");
    }
}
