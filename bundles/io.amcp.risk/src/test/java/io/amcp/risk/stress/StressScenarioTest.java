package io.amcp.risk.stress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.amcp.api.model.InstrumentId;
import io.amcp.risk.Greeks;
import io.amcp.risk.Portfolio;
import io.amcp.risk.Position;
import io.amcp.risk.RiskAnalyzer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StressScenarioTest {

    /** 10 long calls x 100 on XYZ at 100: delta 0.5, gamma 0.02, vega 39 per 1.00 vol, rho 50 per 1.00, vol 20%. */
    private static final Position CALLS = Position.option("XYZ250620C00100000", "XYZ", 10, 8.0, 100, "TECH",
            Greeks.of(100.0, 0.20, 0.5, 0.02, 39.0, -6.4, 50.0));
    /** 500 XYZ shares at 100 and 300 short BNK shares at 40. */
    private static final Position SHARES = Position.of("XYZ", 500, 100.0, "TECH");
    private static final Position SHORT_BANK = Position.of("BNK", -300, 40.0, "FINANCIALS");
    private static final Portfolio BOOK = Portfolio.of(List.of(CALLS, SHARES, SHORT_BANK), 100_000.0);

    private final RiskAnalyzer analyzer = RiskAnalyzer.standard();

    @Test
    void crash2008ByHand() {
        StressResult result = analyzer.stress(BOOK, StressScenario.builtIn(StressScenario.CRASH_2008));
        // calls: 1,000 units, move = 100 * -0.40 = -40: 1000 (0.5 * -40 + 0.5 * 0.02 * 1600) = -4,000;
        //        vol 0.20 -> 0.50 (+150%): 1000 * 39 * 0.20 * 1.5 = +11,700
        PositionPnl calls = result.positions().get(0);
        assertThat(calls.pricePnl()).isCloseTo(-4_000.0, within(1e-9));
        assertThat(calls.volPnl()).isCloseTo(11_700.0, within(1e-9));
        assertThat(calls.ratePnl()).isZero();
        // shares: 50,000 * -0.40 = -20,000; short bank: -12,000 * -0.40 = +4,800
        assertThat(result.positions().get(1).total()).isCloseTo(-20_000.0, within(1e-9));
        assertThat(result.positions().get(2).total()).isCloseTo(4_800.0, within(1e-9));
        assertThat(result.totalPnl()).isCloseTo(-4_000.0 + 11_700.0 - 20_000.0 + 4_800.0, within(1e-9));
        // equity before the shock: 100,000 cash + 8,000 + 50,000 - 12,000 = 146,000
        assertThat(result.pnlOfEquity()).isCloseTo(-7_500.0 / 146_000.0, within(1e-12));
    }

    @Test
    void gapDownRateShockAndVolSpikeByHand() {
        StressResult gap = analyzer.stress(BOOK, StressScenario.builtIn(StressScenario.GAP_DOWN_2020));
        // calls: move -12: 1000 (0.5 * -12 + 0.5 * 0.02 * 144) = -4,560; vol x3 (+200%): 1000 * 39 * 0.2 * 2 = 15,600
        assertThat(gap.positions().get(0).total()).isCloseTo(-4_560.0 + 15_600.0, within(1e-9));
        assertThat(gap.positions().get(1).total()).isCloseTo(-6_000.0, within(1e-9));
        assertThat(gap.positions().get(2).total()).isCloseTo(1_440.0, within(1e-9));

        StressResult rates = analyzer.stress(BOOK, StressScenario.builtIn(StressScenario.RATE_SHOCK));
        // +200 bp through rho: 1000 * 50 * 0.02 = 1,000; delta-one positions carry no rho
        assertThat(rates.totalPnl()).isCloseTo(1_000.0, within(1e-9));

        StressResult vol = analyzer.stress(BOOK, StressScenario.builtIn(StressScenario.VOL_SPIKE));
        // vol +100%: 1000 * 39 * 0.2 * 1.0 = 7,800
        assertThat(vol.totalPnl()).isCloseTo(7_800.0, within(1e-9));
    }

    @Test
    void symbolShockBeatsSectorShockBeatsDefault() {
        StressScenario scenario = StressScenario.of("custom", -0.05, Map.of("TECH", -0.20, "FINANCIALS", 0.10),
                Map.of(InstrumentId.of("XYZ"), -0.30), 0.0, 0.0);
        Portfolio portfolio = Portfolio.of(List.of(SHARES, SHORT_BANK, Position.of("OIL", 100, 50.0, "ENERGY"),
                Position.of("CHIP", 10, 200.0, "TECH")));
        StressResult result = analyzer.stress(portfolio, scenario);
        assertThat(result.positions()).extracting(PositionPnl::priceShock).containsExactly(-0.30, 0.10, -0.05, -0.20);
        // 50,000 * -0.3 + -12,000 * 0.1 + 5,000 * -0.05 + 2,000 * -0.2
        assertThat(result.totalPnl()).isCloseTo(-15_000.0 - 1_200.0 - 250.0 - 400.0, within(1e-9));
        // the option follows its underlying's symbol shock
        assertThat(analyzer.stress(Portfolio.of(List.of(CALLS)), scenario).positions().get(0).priceShock())
                .isEqualTo(-0.30);
    }

    @Test
    void builtInsAreTheDocumentedFour() {
        assertThat(StressScenario.builtIns()).extracting(StressScenario::name)
                .containsExactly("2008-crash", "2020-gap-down", "rate-shock", "vol-spike");
        StressScenario crash = StressScenario.builtIn("2008-crash");
        assertThat(crash.defaultPriceShock()).isEqualTo(-0.40);
        assertThat(crash.volShock()).isEqualTo(1.50);
        assertThat(StressScenario.builtIn("rate-shock").rateShock()).isEqualTo(0.02);
        assertThatThrownBy(() -> StressScenario.builtIn("1987")).hasMessageStartingWith("name:");
    }

    @Test
    void invalidShocksNameTheField() {
        assertThatThrownBy(() -> StressScenario.of("x", -1.5, 0.0, 0.0)).hasMessageStartingWith("defaultPriceShock:");
        assertThatThrownBy(() -> StressScenario.of("x", 0.0, Map.of("TECH", -2.0), Map.of(), 0.0, 0.0))
                .hasMessageStartingWith("sectorShocks[TECH]:");
        assertThatThrownBy(() -> StressScenario.of("x", 0.0, -1.2, 0.0)).hasMessageStartingWith("volShock:");
        assertThatThrownBy(() -> StressScenario.of(" ", 0.0, 0.0, 0.0)).hasMessageStartingWith("name:");
        assertThatThrownBy(() -> StressScenario.of("x", 0.0, 0.0, Double.NaN)).hasMessageStartingWith("rateShock:");
    }
}
