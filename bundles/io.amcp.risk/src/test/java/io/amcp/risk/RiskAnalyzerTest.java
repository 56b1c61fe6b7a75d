package io.amcp.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.amcp.api.model.InstrumentId;
import java.util.List;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;

class RiskAnalyzerTest {

    private static final ReturnsHistory HISTORY = SampleDataFor.history("AAA", "BBB", "CCC");
    private static final BenchmarkReturns SPY = SampleDataFor.benchmark();
    private static final Portfolio BOOK = Portfolio.of(List.of(Position.of("AAA", 500, 100.0, "TECH"),
            Position.of("BBB", 300, 100.0, "TECH"), Position.of("CCC", -200, 100.0, "ENERGY")), 40_000.0);

    private final RiskAnalyzer analyzer = RiskAnalyzer.standard();

    @Test
    void reportHoldsEveryMethodAtEveryLevelAndAgreesWithTheSingleMeasures() {
        RiskReport report = analyzer.analyze(BOOK, HISTORY, SPY);
        assertThat(report.valueAtRisk()).hasSize(6);
        for (double level : new double[] {0.95, 0.99}) {
            assertThat(report.var(VarMethod.PARAMETRIC, level)).isEqualTo(analyzer.parametricVar(BOOK, HISTORY, level));
            assertThat(report.var(VarMethod.HISTORICAL, level)).isEqualTo(analyzer.historicalVar(BOOK, HISTORY, level));
            assertThat(report.var(VarMethod.MONTE_CARLO, level)).isEqualTo(analyzer.monteCarloVar(BOOK, HISTORY, level));
            assertThat(report.var(VarMethod.PARAMETRIC, level).cvar())
                    .isGreaterThan(report.var(VarMethod.PARAMETRIC, level).var());
        }
        assertThat(report.componentVar()).hasSize(6);
        // 40,000 cash + 50,000 + 30,000 - 20,000
        assertThat(report.equity()).isEqualTo(100_000.0);
        assertThat(report.stress()).hasSize(4);
        assertThat(report.stress("2008-crash").totalPnl()).isCloseTo(-0.40 * 60_000.0, within(1e-9));
        assertThat(report.projectedExposure()).isEqualTo(report.exposure());
        assertThat(report.projectedVar().get(1)).isEqualTo(report.var(VarMethod.PARAMETRIC, 0.99));
        assertThat(report.beta().assetBetas()).containsOnlyKeys(HISTORY.symbols());
    }

    @Test
    void correlationInTheReportMatchesPearsons() {
        RiskReport report = analyzer.analyze(BOOK, HISTORY, SPY);
        double[][] rows = HISTORY.returns();
        double[][] expected = new PearsonsCorrelation().computeCorrelationMatrix(
                new org.apache.commons.math3.linear.Array2DRowRealMatrix(rows).transpose()).getData();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(report.correlation().get(i, j)).isCloseTo(expected[i][j], within(1e-12));
            }
        }
        assertThat(report.correlation().get(InstrumentId.of("AAA"), InstrumentId.of("CCC")))
                .isEqualTo(report.correlation().get(0, 2));
    }

    @Test
    void pendingOrdersAreProjected() {
        // buy 100 CCC at 100 (covers half the short) and 200 more BBB at 100
        List<PendingOrder> orders = List.of(PendingOrder.of("CCC", 100, 100.0), PendingOrder.of("BBB", 200, 100.0));
        RiskReport report = analyzer.analyze(BOOK, HISTORY, SPY, orders);
        // long 50,000 + 50,000; short -10,000; cash 40,000 - 10,000 - 20,000 = 10,000
        assertThat(report.projectedExposure().longMarketValue()).isEqualTo(100_000.0);
        assertThat(report.projectedExposure().shortMarketValue()).isEqualTo(-10_000.0);
        // initial: 0.5 * 100,000 + 1.5 * 10,000 = 65,000 against 10,000 + 100,000
        assertThat(report.projectedMargin().initialRequirement()).isEqualTo(65_000.0);
        assertThat(report.projectedMargin().marginAssets()).isEqualTo(110_000.0);
        Portfolio filled = Portfolio.of(List.of(Position.of("AAA", 500, 100.0), Position.of("BBB", 500, 100.0),
                Position.of("CCC", -100, 100.0)), 10_000.0);
        assertThat(report.projectedVar().get(0).var())
                .isCloseTo(analyzer.parametricVar(filled, HISTORY, 0.95).var(), within(1e-9));
        assertThatThrownBy(() -> analyzer.analyze(BOOK, HISTORY, SPY, List.of(PendingOrder.of("ZZZ", 1, 1.0))))
                .hasMessageStartingWith("positions+orders[3].underlying: no returns history for ZZZ");
    }

    @Test
    void monitorRecomputesFromStreamedPrices() {
        RiskMonitor monitor = analyzer.monitor(Portfolio.of(List.of(Position.of("AAA", 500, 100.0))), HISTORY, SPY);
        double before = monitor.parametricVar(0.99).var();
        // VaR of a single position is linear in its value: doubling the price doubles it
        monitor.updatePrice(InstrumentId.of("AAA"), 200.0);
        assertThat(monitor.parametricVar(0.99).var()).isCloseTo(2.0 * before, within(1e-9 * before));
        assertThat(monitor.report().exposure().longMarketValue()).isEqualTo(100_000.0);
        // the report of the monitor equals a fresh analysis at the new prices
        RiskReport fresh = analyzer.analyze(Portfolio.of(List.of(Position.of("AAA", 500, 200.0))), HISTORY, SPY);
        assertThat(monitor.report()).isEqualTo(fresh);
        monitor.updatePrice(InstrumentId.of("ZZZ"), 5.0);
        assertThat(monitor.portfolio().positions().get(0).price()).isEqualTo(200.0);
    }

    @Test
    void monitorMovesOptionDeltaWithTheUnderlying() {
        Position calls = Position.option("AAAC", "AAA", 10, 8.0, 100, "TECH",
                Greeks.of(100.0, 0.2, 0.5, 0.0, 39.0, -6.4, 50.0));
        RiskMonitor monitor = analyzer.monitor(Portfolio.of(List.of(calls)), HISTORY, SPY);
        double before = monitor.parametricVar(0.95).var();
        monitor.updatePrice(InstrumentId.of("AAA"), 110.0);
        // dollar delta q m delta S goes from 50,000 to 55,000
        assertThat(monitor.parametricVar(0.95).var()).isCloseTo(1.1 * before, within(1e-9 * before));
        assertThat(monitor.report().greeks().dollarDelta()).isCloseTo(55_000.0, within(1e-9));
    }

    @Test
    void positionWithoutHistoryIsNamed() {
        Portfolio portfolio = Portfolio.of(List.of(Position.of("AAA", 1, 1.0), Position.of("QQQ", 1, 1.0)));
        assertThatThrownBy(() -> analyzer.analyze(portfolio, HISTORY, SPY))
                .hasMessageStartingWith("positions[1].underlying: no returns history for QQQ");
    }
}
