package io.amcp.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class InputValidationTest {

    @Test
    void positionFieldsAreChecked() {
        assertThatThrownBy(() -> Position.of("AAA", Double.NaN, 1.0)).hasMessageStartingWith("quantity:");
        assertThatThrownBy(() -> Position.of("AAA", 1, -1.0)).hasMessageStartingWith("price:");
        assertThatThrownBy(() -> Position.of("AAA", 1, 1.0, " ")).hasMessageStartingWith("sector:");
        assertThatThrownBy(() -> Position.of(null, 1, 1.0)).hasMessageStartingWith("symbol:");
        assertThatThrownBy(() -> Position.option("C", "AAA", 1, 1.0, 0, "TECH", Greeks.of(1, 0.2, 0.5, 0, 0, 0, 0)))
                .hasMessageStartingWith("multiplier:");
        assertThatThrownBy(() -> Position.option("C", "AAA", 1, 1.0, 100, "TECH", null))
                .hasMessageStartingWith("greeks:");
        assertThatThrownBy(() -> Greeks.of(0.0, 0.2, 0.5, 0, 0, 0, 0)).hasMessageStartingWith("greeks.underlyingPrice:");
        assertThatThrownBy(() -> Greeks.of(1.0, 0.2, 0.5, Double.POSITIVE_INFINITY, 0, 0, 0))
                .hasMessageStartingWith("greeks.gamma:");
        assertThat(Position.of("AAA", 0, 10.0).sector()).isEqualTo(Position.UNCLASSIFIED);
    }

    @Test
    void portfolioRejectsDuplicateSymbolsAndNonFiniteCash() {
        assertThatThrownBy(() -> Portfolio.of(List.of(Position.of("AAA", 1, 1.0), Position.of("AAA", 2, 1.0))))
                .hasMessageStartingWith("positions[1].symbol: duplicate AAA");
        assertThatThrownBy(() -> Portfolio.of(List.of(), Double.NaN)).hasMessageStartingWith("cash:");
    }

    @Test
    void pendingOrderFieldsAreChecked() {
        assertThatThrownBy(() -> PendingOrder.of("AAA", 0, 1.0)).hasMessageStartingWith("quantity:");
        assertThatThrownBy(() -> PendingOrder.of("AAA", 1, 0.0)).hasMessageStartingWith("price:");
    }

    @Test
    void returnsHistoryShapeIsChecked() {
        assertThatThrownBy(() -> ReturnsHistory.of(List.of("A", "B"), new double[][] {{0.1, 0.2}}))
                .hasMessageStartingWith("returns: expected one row per symbol (2), was 1");
        assertThatThrownBy(() -> ReturnsHistory.of(List.of("A", "B"), new double[][] {{0.1, 0.2}, {0.1}}))
                .hasMessageStartingWith("returns[1]: expected 2 days");
        assertThatThrownBy(() -> ReturnsHistory.of(List.of("A"), new double[][] {{0.1, Double.NaN}}))
                .hasMessageStartingWith("returns[0][1]: must be finite");
        assertThatThrownBy(() -> ReturnsHistory.of(List.of("A", "A"), new double[][] {{0.1, 0.2}, {0.1, 0.2}}))
                .hasMessageStartingWith("symbols[1]: duplicate A");
        assertThatThrownBy(() -> ReturnsHistory.of(List.of("A"), new double[][] {{0.1}}))
                .hasMessageStartingWith("returns[0]: needs at least 2 days");
    }

    @Test
    void historyAndBenchmarkAreCopiedInAndOut() {
        double[][] rows = {{0.1, 0.2}};
        ReturnsHistory history = ReturnsHistory.of(List.of("A"), rows);
        rows[0][0] = 9.0;
        history.returns()[0][1] = 9.0;
        assertThat(history.returnAt(0, 0)).isEqualTo(0.1);
        assertThat(history.returnAt(0, 1)).isEqualTo(0.2);
        assertThat(history).isEqualTo(ReturnsHistory.of(List.of("A"), new double[][] {{0.1, 0.2}}));
        assertThatThrownBy(() -> BenchmarkReturns.of("SPY", new double[] {0.1, Double.NaN}))
                .hasMessageStartingWith("returns[1]:");
        assertThatThrownBy(() -> BenchmarkReturns.of("", new double[] {0.1, 0.2})).hasMessageStartingWith("name:");
    }

    @Test
    void configIsChecked() {
        assertThatThrownBy(() -> RiskConfig.defaults().withConfidenceLevels(List.of(0.95, 1.0)))
                .hasMessageStartingWith("confidenceLevels[1]:");
        assertThatThrownBy(() -> RiskConfig.defaults().withMonteCarlo(0, 1L)).hasMessageStartingWith("monteCarloPaths:");
        assertThatThrownBy(() -> ReturnDistribution.studentT(2.0)).hasMessageStartingWith("degreesOfFreedom:");
        assertThatThrownBy(() -> MarginPolicy.of(0.5, 0.6, 1.5, 1.3, 1.0)).hasMessageStartingWith("longMaintenance:");
        assertThatThrownBy(() -> RiskAnalyzer.standard().parametricVar(Portfolio.of(List.of()),
                ReturnsHistory.of(List.of("A"), new double[][] {{0.1, 0.2}}), 95.0)).hasMessageStartingWith("confidence:");
    }
}
