package io.amcp.options.chain;

/**
 * What a synthetic chain lists and how it is quoted.
 *
 * <p>Listing: the next {@code weeklies} Friday expiries plus the standard monthly expiries (third
 * Friday) of the next {@code monthlies} months; an expiry Friday that is an NYSE holiday moves to the
 * trading day before (Good Friday). Strikes: multiples of {@code strikeStep} nearest to spot, and
 * {@code strikesEachSide} more on either side.
 *
 * <p>Quoting: the full spread is
 * {@code theo * baseSpread * (1 + wingWidening * |z|) * (1 + shortExpiryWidening / max(days, 1))},
 * with {@code z = ln(K/S) / (vol * sqrt(years))} the standardised moneyness, at least two ticks.
 * The bid is {@code theo - spread/2} rounded down to the tick (at least one tick), the ask
 * {@code theo + spread/2} rounded up. The tick is 0.01 below 3.00 and 0.05 from 3.00 (the penny
 * pilot rule). On the expiration date a series is quoted at its intrinsic value
 * (bid = ask = {@code max(intrinsic, 0.01)}): the settlement quote.
 *
 * @param rate                risk-free rate, continuously compounded
 * @param dividendYield       continuous dividend yield of the underlying
 * @param weeklies            weekly expiries listed, at least 0
 * @param monthlies           monthly expiries listed, at least 0 (weeklies + monthlies &gt; 0)
 * @param strikeStep          strike spacing, positive
 * @param strikesEachSide     strikes listed on each side of the at-the-money strike, at least 1
 * @param baseSpread          spread as a fraction of the theoretical value at the money, positive
 * @param wingWidening        extra spread fraction per unit of |z|
 * @param shortExpiryWidening extra spread factor numerator in days
 * @param quoteSize           contracts quoted on each side, positive
 */
public record ChainSpec(double rate, double dividendYield, int weeklies, int monthlies, double strikeStep,
        int strikesEachSide, double baseSpread, double wingWidening, double shortExpiryWidening, int quoteSize) {

    public ChainSpec {
        if (!Double.isFinite(rate)) {
            throw new IllegalArgumentException("rate: must be finite, was " + rate);
        }
        if (!Double.isFinite(dividendYield)) {
            throw new IllegalArgumentException("dividendYield: must be finite, was " + dividendYield);
        }
        if (weeklies < 0 || monthlies < 0 || weeklies + monthlies == 0) {
            throw new IllegalArgumentException("weeklies: weeklies and monthlies must be >= 0 and not both 0, were "
                    + weeklies + "/" + monthlies);
        }
        if (!(strikeStep > 0)) {
            throw new IllegalArgumentException("strikeStep: must be positive, was " + strikeStep);
        }
        if (strikesEachSide < 1) {
            throw new IllegalArgumentException("strikesEachSide: must be at least 1, was " + strikesEachSide);
        }
        if (!(baseSpread > 0) || !(wingWidening >= 0) || !(shortExpiryWidening >= 0)) {
            throw new IllegalArgumentException("baseSpread: baseSpread must be positive and the widenings >= 0");
        }
        if (quoteSize < 1) {
            throw new IllegalArgumentException("quoteSize: must be positive, was " + quoteSize);
        }
    }

    /**
     * A liquid large-cap chain: 1% rate, no dividend yield, 4 weeklies and 3 monthlies, strikes every
     * 5.00 with 12 on each side, spread 3% of value at the money widening by 50% per unit of z and by
     * 1/days for short expiries, 10 contracts a side.
     */
    public static ChainSpec standard() {
        return new ChainSpec(0.01, 0.0, 4, 3, 5.0, 20, 0.03, 0.5, 1.0, 10);
    }

    /** The same listing and quoting with another strike spacing. */
    public ChainSpec withStrikeStep(double step) {
        return new ChainSpec(rate, dividendYield, weeklies, monthlies, step, strikesEachSide, baseSpread, wingWidening,
                shortExpiryWidening, quoteSize);
    }
}
