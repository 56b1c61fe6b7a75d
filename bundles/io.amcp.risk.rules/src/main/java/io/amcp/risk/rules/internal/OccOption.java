package io.amcp.risk.rules.internal;

import io.amcp.api.model.InstrumentId;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An option contract read from its OCC symbol ({@code AAPL240119C00150000}: root, expiry YYMMDD,
 * call/put, strike x 1000), with Black-Scholes Greeks per unit of underlying.
 *
 * @param underlying the root symbol
 * @param expiry     expiry as nanoseconds since the epoch: 21:00 UTC (16:00 New York standard time) of the expiry date
 * @param call       true for a call
 * @param strike     strike price
 */
record OccOption(InstrumentId underlying, long expiry, boolean call, double strike) {

    private static final Pattern OCC = Pattern.compile("([A-Z]{1,6})(\\d{2})(\\d{2})(\\d{2})([CP])(\\d{8})");
    private static final double YEAR_NANOS = 365 * 86_400e9;

    /** The contract, or null when {@code id} is not an OCC option symbol. */
    static OccOption parse(InstrumentId id) {
        Matcher m = OCC.matcher(id.value());
        if (!m.matches()) {
            return null;
        }
        LocalDate date = LocalDate.of(2000 + Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)));
        long expiry = date.atTime(21, 0).toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L;
        return new OccOption(InstrumentId.of(m.group(1)), expiry, m.group(5).equals("C"),
                Long.parseLong(m.group(6)) / 1000.0);
    }

    /**
     * Black-Scholes (no dividends) delta, gamma and vega (per 1.00 of volatility) of one unit at
     * underlying price {@code s}, volatility {@code sigma}, rate {@code r}, clock time {@code now};
     * at or after expiry: intrinsic delta, no gamma or vega.
     */
    double[] greeks(double s, double sigma, double r, long now) {
        double t = (expiry - now) / YEAR_NANOS;
        if (t <= 0) {
            double itm = call ? (s > strike ? 1 : 0) : (s < strike ? -1 : 0);
            return new double[] {itm, 0, 0};
        }
        double sqrtT = Math.sqrt(t);
        double d1 = (Math.log(s / strike) + (r + sigma * sigma / 2) * t) / (sigma * sqrtT);
        double nd1 = NormalQuantile.density(d1);
        double delta = call ? NormalQuantile.cdf(d1) : NormalQuantile.cdf(d1) - 1;
        return new double[] {delta, nd1 / (s * sigma * sqrtT), s * nd1 * sqrtT};
    }
}
