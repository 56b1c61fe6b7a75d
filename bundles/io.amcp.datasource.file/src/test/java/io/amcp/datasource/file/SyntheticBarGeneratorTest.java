package io.amcp.datasource.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.amcp.api.model.AssetClass;
import io.amcp.api.model.BarSeries;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.spi.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyntheticBarGeneratorTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void sameSeedGivesIdenticalBarsAndAnotherSeedDifferent() {
        SyntheticSpec spec = SyntheticSpec.of(3, 0.05, BarSize.FIVE_MINUTES, 42);
        List<BarSeries> a = new SyntheticBarGenerator(spec).generate();
        List<BarSeries> b = new SyntheticBarGenerator(spec).generate();
        for (int s = 0; s < 3; s++) {
            assertThat(a.get(s).time()).isEqualTo(b.get(s).time());
            assertThat(a.get(s).open()).isEqualTo(b.get(s).open());
            assertThat(a.get(s).high()).isEqualTo(b.get(s).high());
            assertThat(a.get(s).low()).isEqualTo(b.get(s).low());
            assertThat(a.get(s).close()).isEqualTo(b.get(s).close());
            assertThat(a.get(s).volume()).isEqualTo(b.get(s).volume());
        }
        assertThat(a.get(0).close()).isNotEqualTo(a.get(1).close());
        BarSeries other = new SyntheticBarGenerator(spec.with("seed", "43")).series(0);
        assertThat(other.time()).isEqualTo(a.get(0).time());
        assertThat(other.close()).isNotEqualTo(a.get(0).close());
        // a symbol's bars do not depend on how many other symbols are generated
        BarSeries alone = new SyntheticBarGenerator(spec.with("symbols", "5")).series(2);
        assertThat(alone.close()).isEqualTo(a.get(2).close());
    }

    @Test
    void streamingInChunksGivesTheSameBarsAsTheWholeSeries() {
        SyntheticBarGenerator generator = new SyntheticBarGenerator(SyntheticSpec.of(1, 0.1, BarSize.ONE_MINUTE, 9));
        BarSeries whole = generator.series(0);
        assertThat((long) whole.size()).isEqualTo(generator.barsPerSymbol());
        SyntheticBarGenerator.BarStream stream = generator.stream(0);
        BarChunk chunk = new BarChunk(1000);
        int offset = 0;
        int n;
        while ((n = stream.next(chunk)) > 0) {
            for (int i = 0; i < n; i++) {
                assertThat(chunk.time[i]).isEqualTo(whole.time()[offset + i]);
                assertThat(chunk.close[i]).isEqualTo(whole.close()[offset + i]);
                assertThat(chunk.low[i]).isEqualTo(whole.low()[offset + i]);
                assertThat(chunk.volume[i]).isEqualTo(whole.volume()[offset + i]);
            }
            offset += n;
        }
        assertThat(offset).isEqualTo(whole.size());
        assertThat(stream.hasNext()).isFalse();
    }

    @Test
    void barsAreConsistentAndContinuous() {
        SyntheticSpec spec = SyntheticSpec.parse("symbols=4,years=0.2,bar=5m,seed=1,volatility=0.8,jumps=500,jumpVol=0.05");
        for (BarSeries s : new SyntheticBarGenerator(spec).generate()) {
            for (int i = 0; i < s.size(); i++) {
                s.bar(i); // the Bar constructor rejects inconsistent OHLC and non-positive lows
                assertThat(s.low()[i]).isPositive();
                assertThat(s.high()[i]).isGreaterThanOrEqualTo(Math.max(s.open()[i], s.close()[i]));
                assertThat(s.low()[i]).isLessThanOrEqualTo(Math.min(s.open()[i], s.close()[i]));
                assertThat(s.close()[i] % (FixedPoint.ONE / 100)).as("whole cents").isZero();
                assertThat(s.volume()[i] % FixedPoint.ONE).as("whole shares").isZero();
                if (i > 0) {
                    assertThat(s.open()[i]).isEqualTo(s.close()[i - 1]);
                }
            }
        }
    }

    @Test
    void equityMinuteBarsFollowNyseSessionsInNewYorkTime() {
        SyntheticSpec spec = SyntheticSpec.parse("symbols=1,start=2020-01-01,years=1,bar=1m");
        BarSeries s = new SyntheticBarGenerator(spec).series(0);
        Map<LocalDate, List<LocalTime>> byDay = new HashMap<>();
        for (long t : s.time()) {
            ZonedDateTime ny = Clock.toInstant(t).atZone(NEW_YORK);
            byDay.computeIfAbsent(ny.toLocalDate(), d -> new ArrayList<>()).add(ny.toLocalTime());
        }
        // holidays of 2020 (New Year, MLK day, Good Friday, Independence Day observed, Thanksgiving) and weekends
        assertThat(byDay).doesNotContainKeys(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 20),
                LocalDate.of(2020, 4, 10), LocalDate.of(2020, 7, 3), LocalDate.of(2020, 11, 26),
                LocalDate.of(2020, 1, 4), LocalDate.of(2020, 1, 5));
        // a regular day: 390 one-minute bars ending 09:31..16:00 New York time, before and after the DST switch
        for (LocalDate day : List.of(LocalDate.of(2020, 1, 2), LocalDate.of(2020, 3, 9))) {
            List<LocalTime> times = byDay.get(day);
            assertThat(times).hasSize(390);
            assertThat(times.get(0)).isEqualTo(LocalTime.of(9, 31));
            assertThat(times.get(389)).isEqualTo(LocalTime.of(16, 0));
        }
        // the day after Thanksgiving closes at 13:00: 09:31..13:00 is 210 bars
        List<LocalTime> early = byDay.get(LocalDate.of(2020, 11, 27));
        assertThat(early).hasSize(210);
        assertThat(early.get(209)).isEqualTo(LocalTime.of(13, 0));
        // 2020-03-09 09:31 EDT is 13:31 UTC; 2020-01-02 09:31 EST is 14:31 UTC
        assertThat(Clock.toInstant(s.time()[0]).toString()).isEqualTo("2020-01-02T14:31:00Z");
    }

    @Test
    void hourlyEquityBarsEndOnTheHalfHourWithAShortLastBar() {
        BarSeries s = new SyntheticBarGenerator(SyntheticSpec.parse("symbols=1,start=2021-06-01,years=0.01,bar=1h"))
                .series(0);
        List<LocalTime> firstDay = new ArrayList<>();
        for (long t : s.time()) {
            ZonedDateTime ny = Clock.toInstant(t).atZone(NEW_YORK);
            if (ny.toLocalDate().equals(LocalDate.of(2021, 6, 1))) {
                firstDay.add(ny.toLocalTime());
            }
        }
        assertThat(firstDay).containsExactly(LocalTime.of(10, 30), LocalTime.of(11, 30), LocalTime.of(12, 30),
                LocalTime.of(13, 30), LocalTime.of(14, 30), LocalTime.of(15, 30), LocalTime.of(16, 0));
    }

    @Test
    void dailyEquityBarsFallOnTheSameSessionsAsTheRealAapl2013File() {
        BarSeries synthetic = new SyntheticBarGenerator(SyntheticSpec.parse("symbols=1,start=2013-01-01,years=1,bar=1d"))
                .series(0);
        BarSeries real = new BundledDatasets().load("aapl-2013").get(0);
        assertThat(synthetic.time()).isEqualTo(real.time());
    }

    @Test
    void cryptoTradesAroundTheClockIncludingWeekends() {
        SyntheticSpec spec = SyntheticSpec.parse("symbols=2,asset=crypto,start=2024-03-01,years=0.02,bar=1h");
        SyntheticBarGenerator generator = new SyntheticBarGenerator(spec);
        assertThat(generator.instruments().get(1).id().value()).isEqualTo("SYN002/USD");
        assertThat(generator.instruments().get(1).assetClass()).isEqualTo(AssetClass.CRYPTO);
        BarSeries s = generator.series(0);
        // round(0.02 * 365.25) = 7 days of 24 hourly bars, Saturday 2024-03-02 and Sunday included
        assertThat(s.size()).isEqualTo(7 * 24);
        assertThat(Clock.toInstant(s.time()[0]).toString()).isEqualTo("2024-03-01T01:00:00Z");
        assertThat(Clock.toInstant(s.time()[s.size() - 1]).toString()).isEqualTo("2024-03-08T00:00:00Z");
    }

    /**
     * Without jumps, hourly log returns of GBM are i.i.d. normal with mean (mu - sigma^2/2) dt and
     * standard deviation sigma sqrt(dt), dt = 1/8760 year: sample mean and standard deviation must be
     * within four standard errors (sigma sqrt(dt / n) and sigma sqrt(dt / 2n)).
     */
    @Test
    void logReturnsOfPlainGbmMatchTheParameters() {
        double mu = 0.05;
        double sigma = 0.2;
        SyntheticSpec spec = SyntheticSpec.parse("symbols=1,asset=crypto,years=2,bar=1h,seed=2024,price=1000,jumps=0,"
                + "drift=" + mu + ",volatility=" + sigma);
        double[] r = logReturns(new SyntheticBarGenerator(spec).series(0));
        int n = r.length;
        double dt = 1.0 / 8760;
        double mean = mean(r);
        double sd = Math.sqrt(variance(r, mean));
        double expectedSd = sigma * Math.sqrt(dt);
        assertThat(mean).isCloseTo((mu - sigma * sigma / 2) * dt, within(4 * expectedSd / Math.sqrt(n)));
        assertThat(sd).isCloseTo(expectedSd, within(4 * expectedSd / Math.sqrt(2.0 * n)));
    }

    /**
     * Merton jumps add lambda dt (m^2 + s^2) to the variance of a log return, and lambda dt m minus
     * the compensator lambda k dt, k = exp(m + s^2/2) - 1, to its mean.
     */
    @Test
    void jumpsAddTheirVarianceAsInMertonsModel() {
        double mu = 0.05;
        double sigma = 0.2;
        double lambda = 200;
        double m = -0.002;
        double s = 0.01;
        SyntheticSpec spec = SyntheticSpec.parse("symbols=1,asset=crypto,years=2,bar=1h,seed=77,price=1000,drift=" + mu
                + ",volatility=" + sigma + ",jumps=" + lambda + ",jumpMean=" + m + ",jumpVol=" + s);
        double[] r = logReturns(new SyntheticBarGenerator(spec).series(0));
        int n = r.length;
        double dt = 1.0 / 8760;
        double k = Math.exp(m + s * s / 2) - 1;
        double expectedMean = (mu - sigma * sigma / 2 - lambda * k + lambda * m) * dt;
        double expectedVariance = sigma * sigma * dt + lambda * dt * (m * m + s * s);
        double mean = mean(r);
        double variance = variance(r, mean);
        double fourth = 0;
        for (double x : r) {
            fourth += Math.pow(x - mean, 4);
        }
        fourth /= n;
        double varianceError = Math.sqrt((fourth - variance * variance) / n);
        assertThat(variance).isCloseTo(expectedVariance, within(4 * varianceError));
        assertThat(mean).isCloseTo(expectedMean, within(4 * Math.sqrt(variance / n)));
        // the jump part is visible: far more than four standard errors above the diffusion alone
        assertThat(variance - sigma * sigma * dt).isGreaterThan(8 * varianceError);
    }

    @Test
    void intradayVolumeIsUShaped() {
        assertUShapedVolume(new SyntheticBarGenerator(SyntheticSpec.parse("symbols=1,start=2022-01-03,years=1,bar=1m"))
                .series(0));
    }

    @Test
    void volumeStaysRightAfterTheYear2116() {
        // a 10M-minute-bar benchmark runs a century ahead; there the sum of two bar times overflows a long
        assertUShapedVolume(new SyntheticBarGenerator(SyntheticSpec.parse("symbols=1,start=2120-01-02,years=1,bar=1m"))
                .series(0));
    }

    private static void assertUShapedVolume(BarSeries s) {
        double first = 0;
        double midday = 0;
        int days = 0;
        for (int i = 0; i < s.size(); i++) {
            LocalTime t = Clock.toInstant(s.time()[i]).atZone(NEW_YORK).toLocalTime();
            if (t.equals(LocalTime.of(9, 31))) {
                first += s.volume()[i];
                days++;
            } else if (t.equals(LocalTime.of(12, 46))) {
                midday += s.volume()[i];
            }
        }
        assertThat(days).isGreaterThan(240);
        // profile 1 + 2 (2x - 1)^2: about 3 at the open against 1 at midday
        assertThat(first / midday).isBetween(2.5, 3.5);
    }

    @Test
    void parametersAreParsedWithClearErrors() {
        SyntheticSpec spec = SyntheticSpec.parse("symbols=5,years=2,bar=1m,seed=42");
        assertThat(spec.symbols()).isEqualTo(5);
        assertThat(spec.years()).isEqualTo(2.0);
        assertThat(spec.barSize()).isEqualTo(BarSize.ONE_MINUTE);
        assertThat(spec.seed()).isEqualTo(42);
        assertThat(SyntheticSpec.parse(spec.toParameters())).isEqualTo(spec);
        assertThatThrownBy(() -> SyntheticSpec.parse("symbols=5,colour=red")).hasMessageContaining("unknown key 'colour'");
        assertThatThrownBy(() -> SyntheticSpec.parse("bar=2m")).hasMessageContaining("'bar'").hasMessageContaining("1m");
        assertThatThrownBy(() -> SyntheticSpec.parse("years=-1")).hasMessageContaining("'years'");
        assertThatThrownBy(() -> SyntheticSpec.parse("asset=bond")).hasMessageContaining("'asset'");
        assertThatThrownBy(() -> SyntheticSpec.parse("symbols")).hasMessageContaining("key=value");
    }

    private static double[] logReturns(BarSeries s) {
        double[] r = new double[s.size() - 1];
        for (int i = 1; i < s.size(); i++) {
            r[i - 1] = Math.log((double) s.close()[i] / s.close()[i - 1]);
        }
        return r;
    }

    private static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    private static double variance(double[] x, double mean) {
        double sum = 0;
        for (double v : x) {
            sum += (v - mean) * (v - mean);
        }
        return sum / (x.length - 1);
    }
}
