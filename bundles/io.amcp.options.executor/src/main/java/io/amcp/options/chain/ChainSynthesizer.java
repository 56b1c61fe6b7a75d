package io.amcp.options.chain;

import io.amcp.api.calendar.NyseCalendar;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Quote;
import io.amcp.options.BlackScholesMerton;
import io.amcp.options.OptionInputs;
import io.amcp.options.OptionType;
import io.amcp.options.OptionValuation;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds the option chain an exchange would list on a date, valued on a {@link VolatilitySurface}
 * with Black-Scholes-Merton (European exercise: a documented simplification for American equity
 * options, whose calls on a non-dividend payer are worth the same) and quoted per {@link ChainSpec}.
 * Time to expiry is calendar days / 365, the expiry taken at the session close. Immutable and
 * thread-safe.
 */
public final class ChainSynthesizer {

    /** Days per year for time to expiry. */
    public static final double DAYS_PER_YEAR = 365.0;

    private static final double PENNY_LIMIT = 3.0;

    private final ChainSpec spec;
    private final NyseCalendar calendar = NyseCalendar.INSTANCE;

    public ChainSynthesizer(ChainSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    public ChainSpec spec() {
        return spec;
    }

    /**
     * The expirations listed on {@code date}, ascending: the next weekly Fridays (the current week's
     * included, so an expiry is listed through its own expiration date) and the monthly third Fridays,
     * each moved to the previous trading day when the Friday is a holiday.
     */
    public List<LocalDate> expiries(LocalDate date) {
        TreeSet<LocalDate> out = new TreeSet<>();
        LocalDate friday = date.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
        int weeks = 0;
        while (weeks < spec.weeklies()) {
            LocalDate e = tradingDayOnOrBefore(friday);
            if (!e.isBefore(date)) {
                out.add(e);
                weeks++;
            }
            friday = friday.plusWeeks(1);
        }
        LocalDate month = date.withDayOfMonth(1);
        int months = 0;
        while (months < spec.monthlies()) {
            LocalDate e = tradingDayOnOrBefore(month.with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.FRIDAY)));
            if (!e.isBefore(date)) {
                out.add(e);
                months++;
            }
            month = month.plusMonths(1);
        }
        return List.copyOf(out);
    }

    private LocalDate tradingDayOnOrBefore(LocalDate d) {
        return calendar.isTradingDay(d) ? d : calendar.previousTradingDay(d);
    }

    /** The strikes listed around {@code spot}, ascending. */
    public double[] strikes(double spot) {
        double step = spec.strikeStep();
        long center = Math.round(spot / step);
        double[] out = new double[2 * spec.strikesEachSide() + 1];
        int n = 0;
        for (long k = center - spec.strikesEachSide(); k <= center + spec.strikesEachSide(); k++) {
            if (k > 0) {
                out[n++] = Math.round(k * step * 1000) / 1000.0;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** The chain of {@code underlying} on {@code date} with the underlying at {@code spot}. */
    public OptionChain chain(InstrumentId underlying, LocalDate date, double spot, VolatilitySurface surface) {
        return chain(underlying, date, spot, surface, List.of());
    }

    /**
     * The chain of {@code underlying} on {@code date}, also listing {@code stillListed}: series listed
     * earlier whose strikes have since left the grid around spot. An exchange keeps a strike listed
     * until its expiry, so open positions always have a quote; series already expired are ignored.
     */
    public OptionChain chain(InstrumentId underlying, LocalDate date, double spot, VolatilitySurface surface,
            Collection<OptionContract> stillListed) {
        if (!(spot > 0)) {
            throw new IllegalArgumentException("spot: must be positive, was " + spot);
        }
        Objects.requireNonNull(surface, "surface");
        Map<LocalDate, TreeSet<Double>> strikesByExpiry = new TreeMap<>();
        for (LocalDate expiry : expiries(date)) {
            TreeSet<Double> set = strikesByExpiry.computeIfAbsent(expiry, e -> new TreeSet<>());
            for (double strike : strikes(spot)) {
                set.add(strike);
            }
        }
        for (OptionContract c : stillListed) {
            if (c.underlying().equals(underlying) && !c.expiry().isBefore(date)) {
                strikesByExpiry.computeIfAbsent(c.expiry(), e -> new TreeSet<>()).add(c.strike());
            }
        }
        List<ChainQuote> quotes = new ArrayList<>();
        strikesByExpiry.forEach((expiry, strikes) -> {
            for (double strike : strikes) {
                for (OptionType type : OptionType.values()) {
                    quotes.add(quote(OptionContract.of(underlying, expiry, type, strike), date, spot, surface));
                }
            }
        });
        return new OptionChain(underlying, date, spot, quotes);
    }

    /** The value and quote of one series on {@code date}; on its expiration date, the settlement quote. */
    public ChainQuote quote(OptionContract contract, LocalDate date, double spot, VolatilitySurface surface) {
        long days = contract.daysToExpiry(date);
        if (days < 0) {
            throw new IllegalArgumentException("date: " + date + " is after the expiry of " + contract.id());
        }
        double vol = surface.vol(Math.max(days, 1), spot, contract.strike());
        if (days == 0) {
            double intrinsic = contract.intrinsic(spot);
            double delta = intrinsic > 0 ? contract.type().sign() : 0.0;
            double settle = Math.max(0.01, Math.round(intrinsic * 100) / 100.0);
            return new ChainQuote(contract, vol, OptionValuation.of(intrinsic, delta, 0, 0, 0, 0), settle, settle);
        }
        double years = days / DAYS_PER_YEAR;
        OptionValuation v = BlackScholesMerton.value(OptionInputs.of(contract.type(), spot, contract.strike(), years, vol,
                spec.rate(), spec.dividendYield()));
        double theo = v.price();
        double z = Math.abs(Math.log(contract.strike() / spot)) / (vol * Math.sqrt(years));
        double spread = theo * spec.baseSpread() * (1 + spec.wingWidening() * z)
                * (1 + spec.shortExpiryWidening() / Math.max(days, 1));
        double tick = tick(theo);
        spread = Math.max(spread, 2 * tick);
        double bid = Math.max(0.01, floorTo(theo - spread / 2, tick));
        double ask = Math.max(bid + tick, ceilTo(theo + spread / 2, tick));
        return new ChainQuote(contract, vol, v, bid, ask);
    }

    /** The minimum price increment of an option premium: 0.01 below 3.00, else 0.05. */
    public static double tick(double premium) {
        return premium < PENNY_LIMIT ? 0.01 : 0.05;
    }

    private static double floorTo(double x, double tick) {
        return Math.round(Math.floor(x / tick + 1e-9) * tick * 100) / 100.0;
    }

    private static double ceilTo(double x, double tick) {
        return Math.round(Math.ceil(x / tick - 1e-9) * tick * 100) / 100.0;
    }

    /** The chain as top-of-book quotes stamped {@code timeNanos}, sizes {@link ChainSpec#quoteSize()}. */
    public List<Quote> quotes(OptionChain chain, long timeNanos) {
        List<Quote> out = new ArrayList<>(chain.quotes().size());
        long size = FixedPoint.ONE * spec.quoteSize();
        for (ChainQuote q : chain.quotes()) {
            out.add(new Quote(q.contract().id(), timeNanos, FixedPoint.fromDouble(q.bid()), FixedPoint.fromDouble(q.ask()),
                    size, size));
        }
        return out;
    }
}
