package io.amcp.strategy.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.amcp.ai.inference.Prediction;
import org.junit.jupiter.api.Test;

class SignalPolicyTest {

    @Test
    void sizesByConfidenceOverChanceByHand() {
        SignalPolicy p = SignalPolicy.of(0.45, 0.5, true);
        // up at 0.7: edge (0.7 - 1/3) / (2/3) = 0.55; times 0.5 = 0.275
        assertThat(p.targetFraction(Prediction.of(0.1, 0.2, 0.7))).isCloseTo(0.275, within(1e-12));
        // down at 0.6: edge (0.6 - 1/3) / (2/3) = 0.4; short allowed: -0.2
        assertThat(p.targetFraction(Prediction.of(0.6, 0.3, 0.1))).isCloseTo(-0.2, within(1e-12));
        // up at 0.44 is below the 0.45 threshold: flat
        assertThat(p.targetFraction(Prediction.of(0.26, 0.30, 0.44))).isZero();
        // flat predicted: flat
        assertThat(p.targetFraction(Prediction.of(0.1, 0.8, 0.1))).isZero();
        // long-only: a down prediction is flat
        assertThat(SignalPolicy.of(0.45, 0.5, false).targetFraction(Prediction.of(0.6, 0.3, 0.1))).isZero();
    }

    @Test
    void rejectsBadInputNamingTheField() {
        assertThatThrownBy(() -> SignalPolicy.of(1.5, 1, false)).hasMessageStartingWith("minConfidence:");
        assertThatThrownBy(() -> SignalPolicy.of(0.5, -1, false)).hasMessageStartingWith("maxAllocation:");
        assertThatThrownBy(() -> SignalPolicy.of(0.5, 1, false).targetFraction(Prediction.of(0.5, 0.5)))
                .hasMessageStartingWith("prediction:");
    }
}
