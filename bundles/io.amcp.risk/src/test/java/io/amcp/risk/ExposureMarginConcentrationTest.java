package io.amcp.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.amcp.api.model.InstrumentId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExposureMarginConcentrationTest {

    private final RiskAnalyzer analyzer = RiskAnalyzer.standard();

    @Test
    void exposureByHand() {
        // long 60,000 + 40,000, short -30,000, cash 50,000 -> equity 120,000
        Portfolio portfolio = Portfolio.of(List.of(Position.of("AAA", 600, 100.0), Position.of("BBB", 800, 50.0),
                Position.of("CCC", -300, 100.0)), 50_000.0);
        Exposure exposure = analyzer.exposure(portfolio);
        assertThat(exposure.longMarketValue()).isEqualTo(100_000.0);
        assertThat(exposure.shortMarketValue()).isEqualTo(-30_000.0);
        assertThat(exposure.gross()).isEqualTo(130_000.0);
        assertThat(exposure.net()).isEqualTo(70_000.0);
        assertThat(exposure.grossLeverage()).isCloseTo(130_000.0 / 120_000.0, within(1e-15));
    }

    @Test
    void regTMarginOfALongBookBoughtHalfOnMargin() {
        // 20,000 of stock bought with 10,000 own cash and 10,000 borrowed: cash -10,000
        Portfolio portfolio = Portfolio.of(List.of(Position.of("AAA", 200, 100.0)), -10_000.0);
        MarginUsage margin = analyzer.margin(portfolio);
        assertThat(margin.initialRequirement()).isEqualTo(10_000.0);     // 50%
        assertThat(margin.maintenanceRequirement()).isEqualTo(5_000.0);  // 25%
        assertThat(margin.marginAssets()).isEqualTo(10_000.0);           // -10,000 + 20,000
        assertThat(margin.initialUsage()).isEqualTo(1.0);
        assertThat(margin.maintenanceUsage()).isEqualTo(0.5);
        assertThat(margin.initialExcess()).isEqualTo(0.0);
        assertThat(margin.maintenanceCall()).isFalse();
    }

    @Test
    void regTMarginOfAShortSale() {
        // 10,000 short with 10,000 own cash: cash 20,000 including the proceeds
        Portfolio portfolio = Portfolio.of(List.of(Position.of("AAA", -100, 100.0)), 20_000.0);
        MarginUsage margin = analyzer.margin(portfolio);
        assertThat(margin.initialRequirement()).isEqualTo(15_000.0);     // 150%
        assertThat(margin.maintenanceRequirement()).isEqualTo(13_000.0); // 130%
        assertThat(margin.initialUsage()).isEqualTo(0.75);
        assertThat(margin.initialExcess()).isEqualTo(5_000.0);
        // the stock doubles: requirement 1.3 * 20,000 = 26,000 > 20,000 -> maintenance call
        MarginUsage squeezed = analyzer.margin(Portfolio.of(List.of(Position.of("AAA", -100, 200.0)), 20_000.0));
        assertThat(squeezed.maintenanceRequirement()).isEqualTo(26_000.0);
        assertThat(squeezed.maintenanceCall()).isTrue();
    }

    @Test
    void marginRatesAreConfigurable() {
        RiskAnalyzer strict = RiskAnalyzer.of(RiskConfig.defaults().withMargin(MarginPolicy.of(1.0, 0.5, 2.0, 1.5, 1.0)));
        MarginUsage margin = strict.margin(Portfolio.of(List.of(Position.of("AAA", 100, 100.0),
                Position.of("BBB", -50, 100.0)), 20_000.0));
        assertThat(margin.initialRequirement()).isEqualTo(10_000.0 + 10_000.0);
        assertThat(margin.maintenanceRequirement()).isEqualTo(5_000.0 + 7_500.0);
    }

    @Test
    void longOptionsAreFullyPaid() {
        Position calls = Position.option("XYZC", "XYZ", 10, 5.0, 100, "TECH",
                Greeks.of(100.0, 0.2, 0.5, 0.02, 39.0, -6.4, 50.0));
        assertThat(analyzer.margin(Portfolio.of(List.of(calls), 0.0)).initialRequirement()).isEqualTo(5_000.0);
    }

    @Test
    void concentrationBySymbolAndSectorByHand() {
        // absolute values 50,000 / 30,000 / 20,000 (short): gross 100,000
        Portfolio portfolio = Portfolio.of(List.of(Position.of("AAA", 500, 100.0, "TECH"),
                Position.of("BBB", 300, 100.0, "TECH"), Position.of("CCC", -200, 100.0, "ENERGY")));
        RiskReport report = analyzer.analyze(portfolio, SampleDataFor.history("AAA", "BBB", "CCC"),
                SampleDataFor.benchmark());
        Concentration<InstrumentId> bySymbol = report.symbolConcentration();
        assertThat(bySymbol.weights().get(InstrumentId.of("CCC"))).isCloseTo(0.2, within(1e-15));
        // HHI = 0.5^2 + 0.3^2 + 0.2^2 = 0.38
        assertThat(bySymbol.herfindahl()).isCloseTo(0.38, within(1e-15));
        assertThat(bySymbol.largest()).isCloseTo(0.5, within(1e-15));
        Concentration<String> bySector = report.sectorConcentration();
        assertThat(bySector.weights()).containsOnlyKeys("TECH", "ENERGY");
        // HHI = 0.8^2 + 0.2^2 = 0.68
        assertThat(bySector.herfindahl()).isCloseTo(0.68, within(1e-15));
        assertThat(bySector.effectiveCount()).isCloseTo(1 / 0.68, within(1e-12));
    }

    @Test
    void aggregatedGreeksByHand() {
        Position calls = Position.option("XYZC", "XYZ", 10, 8.0, 100, "TECH",
                Greeks.of(100.0, 0.2, 0.5, 0.02, 39.0, -6.4, 50.0));
        Position puts = Position.option("XYZP", "XYZ", -5, 6.0, 100, "TECH",
                Greeks.of(100.0, 0.2, -0.4, 0.03, 38.0, -5.0, -45.0));
        Position shares = Position.of("XYZ", 300, 100.0, "TECH");
        AggregatedGreeks greeks = analyzer.greeks(Portfolio.of(List.of(calls, puts, shares)));
        // dollar delta: 1000 * 0.5 * 100 + (-500) * -0.4 * 100 + 30,000 = 50,000 + 20,000 + 30,000
        assertThat(greeks.dollarDelta()).isCloseTo(100_000.0, within(1e-9));
        // dollar gamma per 1%: (1000 * 0.02 - 500 * 0.03) * 100^2 / 100 = 5 * 100 = 500
        assertThat(greeks.dollarGamma()).isCloseTo(500.0, within(1e-9));
        assertThat(greeks.vega()).isCloseTo(1000 * 39.0 - 500 * 38.0, within(1e-9));
        assertThat(greeks.theta()).isCloseTo(1000 * -6.4 - 500 * -5.0, within(1e-9));
        assertThat(greeks.rho()).isCloseTo(1000 * 50.0 - 500 * -45.0, within(1e-9));
    }
}
