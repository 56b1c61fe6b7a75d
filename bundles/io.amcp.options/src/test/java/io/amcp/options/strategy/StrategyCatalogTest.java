package io.amcp.options.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.amcp.options.BlackScholesMerton;
import io.amcp.options.OptionInputs;
import io.amcp.options.OptionType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Max profit, max loss, breakevens and margin worked out by hand in the comments. */
class StrategyCatalogTest {

    private static final MarketModel MARKET = MarketModel.of(100, 0.25, 0.05, 0.0);
    private static final double EPS = 1e-9;

    /** Fixed quotes: "C100" is the 100-strike call; the underlying enters at 100. */
    private static LegPremium quotes(Map<String, Double> q) {
        return (type, strike, years) -> type == LegType.UNDERLYING ? 100.0
                : q.get((type == LegType.CALL ? "C" : "P") + (int) strike);
    }

    private static StrategyAnalysis analyze(String name, StrategyTerms terms, Map<String, Double> q) {
        return StrategyAnalyzer.analyze(StrategyCatalog.build(name, terms, quotes(q)), MARKET);
    }

    private static void check(StrategyAnalysis a, double maxProfit, double maxLoss, Double... breakevens) {
        assertThat(a.maxProfit()).as(a.name() + " max profit").isCloseTo(maxProfit, within(EPS));
        assertThat(a.maxLoss()).as(a.name() + " max loss").isCloseTo(maxLoss, within(EPS));
        assertThat(a.breakevens()).as(a.name() + " breakevens").hasSize(breakevens.length);
        for (int i = 0; i < breakevens.length; i++) {
            assertThat(a.breakevens().get(i)).as(a.name() + " breakeven " + i).isCloseTo(breakevens[i], within(EPS));
        }
    }

    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void catalogHasEveryNamedStrategyAndEachBuilds() {
        assertThat(StrategyCatalog.names()).hasSizeGreaterThanOrEqualTo(42).contains("iron-condor", "jade-lizard",
                "reverse-jade-lizard", "call-christmas-tree", "double-diagonal", "box-spread", "broken-wing-butterfly");
        for (String name : StrategyCatalog.names()) {
            StrategyTerms terms = StrategyTerms.calendar(0.25, 0.5, 90, 95, 105, 110);
            StrategyAnalysis a = StrategyAnalyzer.analyze(StrategyCatalog.build(name, terms, MARKET), MARKET);
            assertThat(a.probabilityOfProfit()).as(name).isBetween(0.0, 1.0);
            assertThat(a.marginRequirement()).as(name).isGreaterThanOrEqualTo(0.0);
            for (double b : a.breakevens()) {
                assertThat(StrategyAnalyzer.profit(StrategyCatalog.build(name, terms, MARKET), MARKET, b)).as(name + " at " + b)
                        .isCloseTo(0.0, within(1e-6));
            }
        }
    }

    @Test
    void singleOptions() {
        // long call K=100 for 5: loss capped at the 5 paid, breakeven 100 + 5 = 105, profit unbounded
        check(analyze("long-call", StrategyTerms.of(0.5, 100), Map.of("C100", 5.0)), INF, 5, 105.0);
        // short put K=100 for 4: keep 4 at best, lose 100 - 4 = 96 if the underlying goes to 0; breakeven 96
        StrategyAnalysis shortPut = analyze("short-put", StrategyTerms.of(0.5, 100), Map.of("P100", 4.0));
        check(shortPut, 4, 96, 96.0);
        // naked put at spot 100: max(20% * 100 - OTM 0, 10% * 100) + 4 = 24
        assertThat(shortPut.marginRequirement()).isCloseTo(24, within(EPS));
        // the same put with spot 105: max(21 - 5, 10) + 4 = 20
        assertThat(StrategyMargin.requirement(StrategyCatalog.build("short-put", StrategyTerms.of(0.5, 100),
                quotes(Map.of("P100", 4.0))), 105)).isCloseTo(20, within(EPS));
    }

    @Test
    void verticalSpreads() {
        Map<String, Double> q = Map.of("C100", 6.0, "C110", 2.0);
        // bull call spread 100/110: debit 6 - 2 = 4; max profit 10 - 4 = 6; max loss 4; breakeven 104; margin = debit 4
        StrategyAnalysis bull = analyze("bull-call-spread", StrategyTerms.of(0.5, 100, 110), q);
        check(bull, 6, 4, 104.0);
        assertThat(bull.netPremium()).isCloseTo(4, within(EPS));
        assertThat(bull.marginRequirement()).isCloseTo(4, within(EPS));
        // bear call spread 100/110: credit 4; max profit 4; max loss 10 - 4 = 6; breakeven 104; margin = width - credit = 6
        StrategyAnalysis bear = analyze("bear-call-spread", StrategyTerms.of(0.5, 100, 110), q);
        check(bear, 4, 6, 104.0);
        assertThat(bear.marginRequirement()).isCloseTo(6, within(EPS));
    }

    @Test
    void straddlesAndStrangles() {
        // long straddle K=100, call 5 + put 4 = 9 paid: breakevens 91 and 109, loss capped at 9
        check(analyze("long-straddle", StrategyTerms.of(0.5, 100), Map.of("C100", 5.0, "P100", 4.0)), INF, 9, 91.0, 109.0);
        // short strangle 90/110, put 2 + call 3 = 5 received: breakevens 85 and 115, loss unbounded upward
        StrategyAnalysis strangle = analyze("short-strangle", StrategyTerms.of(0.5, 90, 110), Map.of("P90", 2.0, "C110", 3.0));
        check(strangle, 5, INF, 85.0, 115.0);
        // naked call: max(20 - 10, 10) + 3 = 13; naked put: max(20 - 10, 9) + 2 = 12;
        // CBOE straddle/strangle rule: greater side plus the other premium = max(13 + 2, 12 + 3) = 15
        assertThat(strangle.marginRequirement()).isCloseTo(15, within(EPS));
    }

    @Test
    void ironCondorAndButterfly() {
        // iron condor 90/95/105/110: credit = 2 (P95) + 2.5 (C105) - 1 (P90) - 1 (C110) = 2.5;
        // max loss = width 5 - 2.5 = 2.5; breakevens 95 - 2.5 = 92.5 and 105 + 2.5 = 107.5; margin 2.5
        StrategyAnalysis condor = analyze("iron-condor", StrategyTerms.of(0.5, 90, 95, 105, 110),
                Map.of("P90", 1.0, "P95", 2.0, "C105", 2.5, "C110", 1.0));
        check(condor, 2.5, 2.5, 92.5, 107.5);
        assertThat(condor.marginRequirement()).isCloseTo(2.5, within(EPS));
        // call butterfly 90/100/110: debit 12 - 2*5 + 1 = 3; max profit 10 - 3 = 7 at 100; breakevens 93 and 107; margin 3
        StrategyAnalysis fly = analyze("call-butterfly", StrategyTerms.of(0.5, 90, 100, 110), Map.of("C90", 12.0, "C100", 5.0, "C110", 1.0));
        check(fly, 7, 3, 93.0, 107.0);
        assertThat(fly.marginRequirement()).isCloseTo(3, within(EPS));
    }

    @Test
    void coveredCallRatioSpreadJadeLizardSyntheticAndStrip() {
        // covered call: stock at 100, short C105 for 3: best 105 - 100 + 3 = 8; worst 100 - 3 = 97 at 0; breakeven 97; margin 0
        StrategyAnalysis covered = analyze("covered-call", StrategyTerms.of(0.5, 105), Map.of("C105", 3.0));
        check(covered, 8, 97, 97.0);
        assertThat(covered.marginRequirement()).isZero();
        // 1x2 call ratio 100/110: debit 6 - 2*2.5 = 1; profit -1 below 100, S - 101 up to 110 (peak 9), then 9 - (S - 110):
        // breakevens 101 and 119, loss unbounded. Margin: one naked C110 = max(20 - 10, 10) + 2.5 = 12.5, plus the
        // covered 100/110 spread's debit 6 - 2.5 = 3.5: 16
        StrategyAnalysis ratio = analyze("call-ratio-spread", StrategyTerms.of(0.5, 100, 110), Map.of("C100", 6.0, "C110", 2.5));
        check(ratio, 9, INF, 101.0, 119.0);
        assertThat(ratio.marginRequirement()).isCloseTo(16, within(EPS));
        // jade lizard 95/105/110: credit 3 + 2 - 0.8 = 4.2; max profit 4.2 between 95 and 105; 4.2 - (S - 105) = 0 at 109.2;
        // down: (S - 95) + 4.2 = 0 at 90.8; worst at S=0: 4.2 - 95 = -90.8. Margin: naked put max(20 - 5, 9.5) + 3 = 18
        // plus the call spread's width minus credit 5 - 1.2 = 3.8: 21.8
        StrategyAnalysis lizard = analyze("jade-lizard", StrategyTerms.of(0.5, 95, 105, 110), Map.of("P95", 3.0, "C105", 2.0, "C110", 0.8));
        check(lizard, 4.2, 90.8, 90.8, 109.2);
        assertThat(lizard.marginRequirement()).isCloseTo(21.8, within(EPS));
        // synthetic long K=100: call 6 - put 5 = 1 debit: profit S - 101, breakeven 101, worst -101 at 0
        check(analyze("synthetic-long", StrategyTerms.of(0.5, 100), Map.of("C100", 6.0, "P100", 5.0)), INF, 101, 101.0);
        // strip K=100: 1 call (5) + 2 puts (4 each) = 13: down 2(100 - S) - 13 = 0 at 93.5; up S - 100 - 13 = 0 at 113
        check(analyze("strip", StrategyTerms.of(0.5, 100), Map.of("C100", 5.0, "P100", 4.0)), INF, 13, 93.5, 113.0);
    }

    @Test
    void boxSpreadPaysTheWidthAndCostsItsDiscountedValue() {
        // payoff of a 100/110 box is 110 - 100 = 10 whatever the price; with quotes 8 - 3 + 9 - 4.5 = 9.5 paid the profit is 0.5
        StrategyAnalysis quoted = analyze("box-spread", StrategyTerms.of(0.5, 100, 110), Map.of("C100", 8.0, "C110", 3.0, "P110", 9.0, "P100", 4.5));
        check(quoted, 0.5, -0.5);
        assertThat(quoted.probabilityOfProfit()).isEqualTo(1.0);
        // with model premiums put-call parity makes the box cost 10 e^{-rT}
        OptionStrategy box = StrategyCatalog.build("box-spread", StrategyTerms.of(0.5, 100, 110), MARKET);
        assertThat(box.netOptionPremium()).isCloseTo(10 * Math.exp(-0.05 * 0.5), within(1e-10));
        for (double s = 1; s < 300; s += 7.3) {
            assertThat(StrategyAnalyzer.profit(box, MARKET, s) + box.netOptionPremium()).isCloseTo(10, within(1e-10));
        }
        // the synthetic long (call - put) at K is worth S - K e^{-rT} by parity
        OptionStrategy synthetic = StrategyCatalog.build("synthetic-long", StrategyTerms.of(0.5, 100), MARKET);
        assertThat(synthetic.netOptionPremium()).isCloseTo(100 - 100 * Math.exp(-0.025), within(1e-10));
    }

    @Test
    void probabilityOfProfitAndNetGreeksAgainstTheNormalDistribution() {
        NormalDistribution n = new NormalDistribution(0, 1);
        double volT = 0.25 * Math.sqrt(0.5);
        // long call breakeven 105: P(S_T > 105) = N((ln(100/105) + (r - sigma^2/2) T) / (sigma sqrt T))
        double expected = n.cumulativeProbability((Math.log(100.0 / 105) + (0.05 - 0.03125) * 0.5) / volT);
        assertThat(analyze("long-call", StrategyTerms.of(0.5, 100), Map.of("C100", 5.0)).probabilityOfProfit())
                .isCloseTo(expected, within(1e-12));
        // with a 10% drift instead of the rate
        double drifted = n.cumulativeProbability((Math.log(100.0 / 105) + (0.10 - 0.03125) * 0.5) / volT);
        assertThat(StrategyAnalyzer.analyze(StrategyCatalog.build("long-call", StrategyTerms.of(0.5, 100), quotes(Map.of("C100", 5.0))),
                MARKET, 0.10).probabilityOfProfit()).isCloseTo(drifted, within(1e-12));
        // iron condor: profit between 92.5 and 107.5
        double inside = n.cumulativeProbability((Math.log(107.5 / 100) - 0.01875 * 0.5) / volT)
                - n.cumulativeProbability((Math.log(92.5 / 100) - 0.01875 * 0.5) / volT);
        assertThat(analyze("iron-condor", StrategyTerms.of(0.5, 90, 95, 105, 110), Map.of("P90", 1.0, "P95", 2.0, "C105", 2.5, "C110", 1.0))
                .probabilityOfProfit()).isCloseTo(inside, within(1e-12));
        // straddle delta = N(d1) + (N(d1) - 1) = 2 N(d1) - 1 with d1 = (r + sigma^2/2) T / (sigma sqrt T) at the money
        double d1 = (0.05 + 0.03125) * 0.5 / volT;
        StrategyAnalysis straddle = StrategyAnalyzer.analyze(StrategyCatalog.build("long-straddle", StrategyTerms.of(0.5, 100), MARKET), MARKET);
        assertThat(straddle.netGreeks().delta()).isCloseTo(2 * n.cumulativeProbability(d1) - 1, within(1e-12));
        // covered call delta = 1 - N(d1) of the call
        StrategyAnalysis covered = StrategyAnalyzer.analyze(StrategyCatalog.build("covered-call", StrategyTerms.of(0.5, 100), MARKET), MARKET);
        assertThat(covered.netGreeks().delta()).isCloseTo(1 - n.cumulativeProbability(d1), within(1e-12));
    }

    @Test
    void calendarIsValuedAtTheNearExpiryWithTheFarLegsTimeValue() {
        OptionStrategy calendar = StrategyCatalog.build("call-calendar", StrategyTerms.calendar(0.25, 0.5, 100), MARKET);
        StrategyAnalysis a = StrategyAnalyzer.analyze(calendar, MARKET);
        assertThat(a.horizonYears()).isEqualTo(0.25);
        // at the near expiry with S = K the short call expires worthless and the far call has 0.25 years left
        double farAtStrike = BlackScholesMerton.price(OptionInputs.of(OptionType.CALL, 100, 100, 0.25, 0.25, 0.05));
        assertThat(StrategyAnalyzer.profit(calendar, MARKET, 100)).isCloseTo(farAtStrike - calendar.netOptionPremium(), within(1e-12));
        assertThat(a.maxProfit()).isCloseTo(farAtStrike - calendar.netOptionPremium(), within(1e-3));
        // no dividend: the loss is bounded by the debit (both legs tend to the same value far from the strike)
        assertThat(a.unlimitedLoss()).isFalse();
        assertThat(a.maxLoss()).isLessThanOrEqualTo(calendar.netOptionPremium() + 1e-9);
        assertThat(a.breakevens()).hasSize(2);
        assertThat(a.breakevens().get(0)).isLessThan(100);
        assertThat(a.breakevens().get(1)).isGreaterThan(100);
        // long calendar margin: the debit
        assertThat(a.marginRequirement()).isCloseTo(calendar.netOptionPremium(), within(1e-12));
    }

    @Test
    void badTermsNameTheField(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> StrategyCatalog.build("iron-condor", StrategyTerms.of(0.5, 90, 95), MARKET))
                .hasMessageStartingWith("strikes: iron-condor needs 4 strikes");
        assertThatThrownBy(() -> StrategyTerms.of(0.5, 100, 90)).hasMessageStartingWith("strikes: must be strictly increasing");
        assertThatThrownBy(() -> StrategyCatalog.build("call-calendar", StrategyTerms.of(0.5, 100), MARKET))
                .hasMessageStartingWith("farYears:");
        assertThatThrownBy(() -> StrategyCatalog.build("iron-kite", StrategyTerms.of(0.5, 100), MARKET))
                .hasMessageStartingWith("name: unknown strategy 'iron-kite'");

        OptionStrategy condor = StrategyCatalog.build("iron-condor", StrategyTerms.of(0.5, 90, 95, 105, 110), MARKET);
        StrategyAnalysis a = StrategyAnalyzer.analyze(condor, MARKET);
        Path svg = dir.resolve("payoff.svg");
        PayoffChart.write(svg, StrategyAnalyzer.payoff(condor, MARKET, 201), "iron condor", a.breakevens());
        String text = Files.readString(svg);
        assertThat(text).startsWith("<svg").contains("<polyline").endsWith("</svg>\n");
        assertThat(text.split("class=\"breakeven\"", -1)).hasSize(3);
    }
}
