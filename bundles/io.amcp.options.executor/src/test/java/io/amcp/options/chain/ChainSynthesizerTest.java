package io.amcp.options.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.amcp.api.model.AssetClass;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Quote;
import io.amcp.options.OptionType;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class ChainSynthesizerTest {

    private static final InstrumentId AAPL = InstrumentId.of("AAPL");
    private static final NormalDistribution N = new NormalDistribution();

    @Test
    void occSymbolMatchesTheOccLayoutAndThePlatformInfersAnOption() {
        OptionContract c = OptionContract.of(AAPL, LocalDate.of(2013, 1, 18), OptionType.CALL, 500);
        assertThat(c.id().value()).isEqualTo("AAPL130118C00500000");
        assertThat(OptionContract.of(AAPL, LocalDate.of(2013, 3, 28), OptionType.PUT, 432.5).id().value())
                .isEqualTo("AAPL130328P00432500");
        assertThat(OptionContract.parse(InstrumentId.of("AAPL130328P00432500")))
                .isEqualTo(OptionContract.of(AAPL, LocalDate.of(2013, 3, 28), OptionType.PUT, 432.5));
        Instrument inferred = Instrument.infer(c.id());
        assertThat(inferred.assetClass()).isEqualTo(AssetClass.OPTION);
        assertThat(inferred.multiplier()).isEqualTo(100);
        assertThatThrownBy(() -> OptionContract.of(InstrumentId.of("BTC/USD"), LocalDate.of(2013, 1, 18), OptionType.PUT, 1))
                .hasMessageStartingWith("underlying:");
    }

    @Test
    void listsFridayExpiriesMovingGoodFridayToThursday() {
        ChainSynthesizer s = new ChainSynthesizer(ChainSpec.standard());
        // Monday 2013-03-25: Good Friday is 2013-03-29 (NYSE closed), so that week expires Thursday 03-28;
        // weeklies 03-28, 04-05, 04-12, 04-19; monthlies (third Fridays) 04-19, 05-17, 06-21
        assertThat(s.expiries(LocalDate.of(2013, 3, 25))).containsExactly(LocalDate.of(2013, 3, 28),
                LocalDate.of(2013, 4, 5), LocalDate.of(2013, 4, 12), LocalDate.of(2013, 4, 19), LocalDate.of(2013, 5, 17),
                LocalDate.of(2013, 6, 21));
        assertThat(s.strikes(442.6)).hasSize(41).contains(445.0, 345.0, 545.0);
    }

    @Test
    void surfaceByHand() {
        VolatilitySurface v = VolatilitySurface.of(new double[] {7, 30}, new double[] {0.33, 0.30}, -0.4, 0.6);
        // halfway between the pillars in days: (0.33 + 0.30) / 2
        assertThat(v.atm(18.5)).isCloseTo(0.315, within(1e-12));
        assertThat(v.atm(3)).isEqualTo(0.33);
        double m = Math.log(110.0 / 100.0);
        assertThat(v.vol(30, 100, 110)).isCloseTo(0.30 - 0.4 * 0.0953101798 + 0.6 * 0.0953101798 * 0.0953101798,
                within(1e-9));
        assertThat(m).isCloseTo(0.0953101798, within(1e-9));
        assertThatThrownBy(() -> VolatilitySurface.of(new double[] {30, 7}, new double[] {0.3, 0.3}, 0, 0))
                .hasMessageStartingWith("pillarDays:");
    }

    @Test
    void quoteAroundAnIndependentBlackScholesValue() {
        ChainSynthesizer s = new ChainSynthesizer(ChainSpec.standard());
        LocalDate date = LocalDate.of(2013, 3, 1);
        OptionContract call = OptionContract.of(AAPL, LocalDate.of(2013, 3, 28), OptionType.CALL, 100);
        ChainQuote q = s.quote(call, date, 100, VolatilitySurface.flat(0.20, 0, 0));
        // Black-Scholes by hand with commons-math's normal CDF: S=K=100, T=27/365, vol 20%, r=1%, q=0
        double t = 27 / 365.0;
        double d1 = (0.01 + 0.5 * 0.04) * t / (0.2 * Math.sqrt(t));
        double d2 = d1 - 0.2 * Math.sqrt(t);
        double theo = 100 * N.cumulativeProbability(d1) - 100 * Math.exp(-0.01 * t) * N.cumulativeProbability(d2);
        assertThat(q.valuation().price()).isCloseTo(theo, within(1e-10));
        assertThat(q.delta()).isCloseTo(N.cumulativeProbability(d1), within(1e-10));
        // at the money z = 0: spread = theo * 3% * (1 + 1/27 days); theo about 2.21 < 3, so the tick is 0.01
        double spread = theo * 0.03 * (1 + 1 / 27.0);
        assertThat(q.bid()).isCloseTo(Math.floor((theo - spread / 2) * 100) / 100, within(1e-9));
        assertThat(q.ask()).isCloseTo(Math.ceil((theo + spread / 2) * 100) / 100, within(1e-9));

        // on the expiration date: the settlement quote at intrinsic value, 103.37 - 100
        ChainQuote settle = s.quote(call, LocalDate.of(2013, 3, 28), 103.37, VolatilitySurface.flat(0.2, 0, 0));
        assertThat(settle.bid()).isEqualTo(3.37);
        assertThat(settle.ask()).isEqualTo(3.37);
        ChainQuote worthless = s.quote(call, LocalDate.of(2013, 3, 28), 90, VolatilitySurface.flat(0.2, 0, 0));
        assertThat(worthless.bid()).isEqualTo(0.01);
        assertThat(worthless.valuation().price()).isZero();
    }

    @Test
    void chainQuotesBecomeVenueQuotes() {
        ChainSynthesizer s = new ChainSynthesizer(ChainSpec.standard());
        OptionChain chain = s.chain(AAPL, LocalDate.of(2013, 3, 25), 442.6, VolatilitySurface.flat(0.3, -0.4, 0.6));
        assertThat(chain.quotes()).hasSize(6 * 41 * 2);
        List<Quote> quotes = s.quotes(chain, 123L);
        ChainQuote first = chain.quotes().get(0);
        assertThat(quotes.get(0).instrument()).isEqualTo(first.contract().id());
        assertThat(quotes.get(0).bid()).isEqualTo(FixedPoint.fromDouble(first.bid()));
        assertThat(quotes.get(0).askSize()).isEqualTo(10 * FixedPoint.ONE);
        for (ChainQuote q : chain.quotes()) {
            double tick = q.mid() < 3 ? 0.01 : 0.05;
            assertThat(Math.abs(q.ask() / tick - Math.rint(q.ask() / tick))).isLessThan(1e-6);
        }
    }

    @Test
    void realizedVolatilityByHand() {
        RealizedVolatility rv = new RealizedVolatility(2);
        rv.add(100);
        rv.add(110);
        assertThat(rv.isReady()).isFalse();
        rv.add(99);
        // returns ln(1.1) and ln(0.9); sample variance of two values = (a - b)^2 / 2
        double a = Math.log(1.1);
        double b = Math.log(0.9);
        assertThat(rv.value()).isCloseTo(Math.sqrt((a - b) * (a - b) / 2 * 252), within(1e-12));
    }
}
