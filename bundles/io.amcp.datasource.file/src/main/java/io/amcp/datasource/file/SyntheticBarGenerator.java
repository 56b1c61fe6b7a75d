package io.amcp.datasource.file;

import io.amcp.api.calendar.AlwaysOpenCalendar;
import io.amcp.api.calendar.NyseCalendar;
import io.amcp.api.calendar.TradingCalendar;
import io.amcp.api.model.AssetClass;
import io.amcp.api.model.BarSeries;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.Instrument;
import io.amcp.api.spi.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Generates seeded synthetic bars at any scale: a Merton jump diffusion per symbol (see
 * {@link SyntheticSpec}) sampled on the bar grid of NYSE sessions (09:30-16:00 America/New_York on
 * NYSE trading days, 13:00 on early closes) or of a 24/7 crypto market.
 *
 * <p>Per bar of length dt (in years of trading time) the log price moves by
 * {@code (mu - sigma^2/2 - lambda k) dt + sigma sqrt(dt) Z + sum of N jumps}, with
 * {@code N ~ Poisson(lambda dt)}, jump log sizes {@code ~ Normal(jumpMean, jumpVol^2)} and
 * {@code k = exp(jumpMean + jumpVol^2/2) - 1}, so that the expected price grows at {@code mu}. The
 * open is the previous close; high and low are the extremes of a Brownian bridge between open and
 * close, drawn exactly from the bridge's maximum distribution, so OHLC is consistent by
 * construction. Prices are rounded to cents. Volume follows a U-shaped intraday profile (three times
 * as heavy at the open and close as at midday) times log-normal noise.
 *
 * <p>Each symbol has its own random stream derived from the seed and the symbol's index: the same
 * spec gives identical bars, in any order of generation. {@link #series(int)} fills primitive
 * columns directly; {@link #stream(int)} produces the same bars chunk by chunk in constant memory.
 */
public final class SyntheticBarGenerator {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final double EQUITY_SECONDS_PER_YEAR = 252 * 6.5 * 3600;
    private static final double CRYPTO_SECONDS_PER_YEAR = 365 * 86400.0;
    private static final long CENT = FixedPoint.ONE / 100;
    private static final double VOLUME_NOISE = 0.3;

    private final SyntheticSpec spec;
    private final TradingCalendar calendar;
    private final List<Instrument> instruments;
    private final long barsPerSymbol;

    public SyntheticBarGenerator(SyntheticSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.calendar = spec.assetClass() == AssetClass.CRYPTO ? AlwaysOpenCalendar.INSTANCE : NyseCalendar.INSTANCE;
        List<Instrument> list = new ArrayList<>(spec.symbols());
        int width = Math.max(3, Integer.toString(spec.symbols()).length());
        for (int i = 0; i < spec.symbols(); i++) {
            String name = "SYN" + "0".repeat(width - Integer.toString(i + 1).length()) + (i + 1);
            list.add(spec.assetClass() == AssetClass.CRYPTO ? Instrument.crypto(name + "/USD") : Instrument.equity(name));
        }
        this.instruments = List.copyOf(list);
        this.barsPerSymbol = countBars();
    }

    public SyntheticSpec spec() {
        return spec;
    }

    /** The generated instruments: {@code SYN001}... for equities, {@code SYN001/USD}... for crypto. */
    public List<Instrument> instruments() {
        return instruments;
    }

    /** Number of bars each symbol gets. */
    public long barsPerSymbol() {
        return barsPerSymbol;
    }

    /** All symbols' series (materialises {@code symbols x barsPerSymbol} bars). */
    public List<BarSeries> generate() {
        List<BarSeries> all = new ArrayList<>(instruments.size());
        for (int i = 0; i < instruments.size(); i++) {
            all.add(series(i));
        }
        return all;
    }

    /** One symbol's whole series, filled straight into its columns. */
    public BarSeries series(int symbol) {
        if (barsPerSymbol > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("series: " + barsPerSymbol + " bars do not fit one array; use stream()");
        }
        int n = (int) barsPerSymbol;
        long[] time = new long[n];
        long[] open = new long[n];
        long[] high = new long[n];
        long[] low = new long[n];
        long[] close = new long[n];
        long[] volume = new long[n];
        BarStream stream = stream(symbol);
        int filled = stream.fill(time, open, high, low, close, volume, 0, n);
        if (filled != n) {
            throw new IllegalStateException("generated " + filled + " bars, expected " + n);
        }
        return new BarSeries(instruments.get(symbol), time, open, high, low, close, volume);
    }

    /** A stream of one symbol's bars, identical to {@link #series(int)}, that holds one day at a time. */
    public BarStream stream(int symbol) {
        Objects.checkIndex(symbol, instruments.size());
        return new BarStream(symbol);
    }

    private long countBars() {
        long count = 0;
        for (LocalDate d = spec.start(); d.isBefore(spec.end()); d = d.plusDays(1)) {
            if (calendar.isTradingDay(d)) {
                count += barsInSession(Clock.toNanos(calendar.sessionOpen(d)), Clock.toNanos(calendar.sessionClose(d)));
            }
        }
        return count;
    }

    private int barsInSession(long open, long close) {
        long step = spec.barSize().duration().toNanos();
        if (spec.barSize() == BarSize.ONE_DAY) {
            return 1;
        }
        return (int) ((close - open + step - 1) / step);
    }

    /** SplitMix64's finaliser: spreads a seed and a symbol index into independent streams. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /**
     * One symbol's bars in time order, produced on demand: call {@link #fill} or {@link #next}
     * until it returns 0.
     */
    public final class BarStream {

        private final Instrument instrument;
        private final SplittableRandom random;
        private final long step;
        private final double secondsPerYear;
        private final double driftPerSecond;
        private final double dailyVolume;

        private LocalDate day;
        private long sessionOpen;
        private long sessionClose;
        private int barInDay;
        private int barsToday;
        private double logPrice;
        private long lastClose;

        BarStream(int symbol) {
            this.instrument = instruments.get(symbol);
            this.random = new SplittableRandom(mix(spec.seed() ^ mix(symbol + 1L)));
            this.step = spec.barSize().duration().toNanos();
            this.secondsPerYear = spec.assetClass() == AssetClass.CRYPTO ? CRYPTO_SECONDS_PER_YEAR : EQUITY_SECONDS_PER_YEAR;
            double k = Math.exp(spec.jumpMean() + spec.jumpVolatility() * spec.jumpVolatility() / 2) - 1;
            this.driftPerSecond = (spec.drift() - spec.volatility() * spec.volatility() / 2 - spec.jumpIntensity() * k)
                    / secondsPerYear;
            this.dailyVolume = spec.dailyVolume();
            this.logPrice = Math.log(spec.initialPrice()) + 0.5 * random.nextGaussian();
            this.lastClose = toCents(Math.exp(logPrice));
            this.day = spec.start().minusDays(1);
            nextDay();
        }

        public Instrument instrument() {
            return instrument;
        }

        /** Whether more bars follow. */
        public boolean hasNext() {
            return day.isBefore(spec.end());
        }

        /** Refills {@code chunk} with the next bars; returns how many (0 at the end). */
        public int next(BarChunk chunk) {
            int n = fill(chunk.time, chunk.open, chunk.high, chunk.low, chunk.close, chunk.volume, 0, chunk.capacity());
            chunk.setSize(n);
            return n;
        }

        /**
         * Writes up to {@code length} next bars into the columns from {@code offset}; returns how
         * many were written (0 at the end).
         */
        public int fill(long[] time, long[] open, long[] high, long[] low, long[] close, long[] volume, int offset,
                int length) {
            Objects.checkFromIndexSize(offset, length, time.length);
            int written = 0;
            double sigma = spec.volatility();
            double lambdaPerSecond = spec.jumpIntensity() / secondsPerYear;
            while (written < length && hasNext()) {
                long barStart = spec.barSize() == BarSize.ONE_DAY ? sessionOpen : sessionOpen + barInDay * step;
                long barEnd = spec.barSize() == BarSize.ONE_DAY ? sessionClose : Math.min(barStart + step, sessionClose);
                double seconds = (barEnd - barStart) / (double) NANOS_PER_SECOND;
                double dt = seconds / secondsPerYear;
                double diffusionVariance = sigma * sigma * dt;

                double diffusion = Math.sqrt(diffusionVariance) * random.nextGaussian();
                double jumps = 0;
                if (lambdaPerSecond > 0) {
                    int count = poisson(lambdaPerSecond * seconds);
                    for (int j = 0; j < count; j++) {
                        jumps += spec.jumpMean() + spec.jumpVolatility() * random.nextGaussian();
                    }
                }
                double move = driftPerSecond * seconds + diffusion + jumps;
                double upper = bridgeExtreme(move, diffusionVariance);
                double lower = -bridgeExtreme(-move, diffusionVariance);

                double openLog = logPrice;
                logPrice += move;
                long o = lastClose;
                long c = toCents(Math.exp(logPrice));
                long h = Math.max(Math.max(o, c), toCents(Math.exp(openLog + upper)));
                long l = Math.min(Math.min(o, c), toCents(Math.exp(openLog + lower)));

                int i = offset + written;
                time[i] = barEnd;
                open[i] = o;
                high[i] = h;
                low[i] = l;
                close[i] = c;
                volume[i] = volume(barStart, barEnd);
                lastClose = c;
                written++;

                if (++barInDay == barsToday) {
                    nextDay();
                }
            }
            return written;
        }

        /** The maximum of a Brownian bridge from 0 to {@code end} with total variance {@code variance}. */
        private double bridgeExtreme(double end, double variance) {
            double u = 1.0 - random.nextDouble();
            return (end + Math.sqrt(end * end - 2 * variance * Math.log(u))) / 2;
        }

        private int poisson(double mean) {
            double limit = Math.exp(-mean);
            double product = random.nextDouble();
            int count = 0;
            while (product > limit) {
                count++;
                product *= random.nextDouble();
            }
            return count;
        }

        private long volume(long barStart, long barEnd) {
            double session = sessionClose - sessionOpen;
            double share = (barEnd - barStart) / session;
            // offsets from the open first: barStart + barEnd overflows a long after the year 2116
            double middle = ((barStart - sessionOpen) + (barEnd - sessionOpen)) / 2.0 / session;
            double profile = (1 + 2 * (2 * middle - 1) * (2 * middle - 1)) * 0.6;
            double noise = Math.exp(VOLUME_NOISE * random.nextGaussian() - VOLUME_NOISE * VOLUME_NOISE / 2);
            double units = dailyVolume * share * (spec.barSize() == BarSize.ONE_DAY ? 1 : profile) * noise;
            return spec.assetClass() == AssetClass.CRYPTO
                    ? Math.round(units * 10_000) * (FixedPoint.ONE / 10_000)
                    : Math.round(units) * FixedPoint.ONE;
        }

        private void nextDay() {
            barInDay = 0;
            do {
                day = day.plusDays(1);
            } while (day.isBefore(spec.end()) && !calendar.isTradingDay(day));
            if (day.isBefore(spec.end())) {
                sessionOpen = Clock.toNanos(calendar.sessionOpen(day));
                sessionClose = Clock.toNanos(calendar.sessionClose(day));
                barsToday = barsInSession(sessionOpen, sessionClose);
            }
        }
    }

    /** Rounds to cents, kept within [0.01, 1e10] so that raw units cannot overflow. */
    private static long toCents(double price) {
        return Math.max(CENT, Math.round(Math.min(price, 1e10) * 100) * CENT);
    }
}
