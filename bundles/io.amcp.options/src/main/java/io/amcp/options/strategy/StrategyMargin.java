package io.amcp.options.strategy;

import io.amcp.options.internal.Checks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Strategy-based margin in the style of Reg-T and the CBOE Margin Manual, per unit of underlying
 * times the leg quantities (multiply by the contract size for money):
 * <ul>
 *   <li>Short calls are covered first by a long underlying ("covered", 0 additional; the call premium
 *       received offsets what the rest requires), then by long calls (the lowest-strike short calls
 *       first); short puts by a short underlying, then by long puts (the highest-strike short puts first).</li>
 *   <li>A short option left uncovered is naked: {@code max(20% of the underlying - out-of-the-money
 *       amount, 10% of the underlying (call) or of the strike (put)) + premium}. With naked calls and
 *       naked puts together (short straddles and strangles): the greater side plus the other side's
 *       premium.</li>
 *   <li>The covered rest must pay its net debit in full and cover its worst loss at expiry with far
 *       legs counted at intrinsic value: {@code max(net debit, max loss)}. That is the premium for
 *       long options and debit spreads, the width minus the credit for credit spreads, and the
 *       greatest width minus the credit for iron condors.</li>
 * </ul>
 * The underlying itself is paid for separately and is not part of the figure.
 */
public final class StrategyMargin {

    /** Naked requirement: 20% of the underlying less the out-of-the-money amount ... */
    public static final double NAKED_RATE = 0.20;
    /** ... but at least 10% of the underlying (calls) or of the strike (puts). */
    public static final double NAKED_MINIMUM_RATE = 0.10;

    private StrategyMargin() {
    }

    /** The margin requirement of {@code strategy} with the underlying at {@code spot}. */
    public static double requirement(OptionStrategy strategy, double spot) {
        Checks.present("strategy", strategy);
        Checks.positive("spot", spot);
        double longUnderlying = 0;
        double shortUnderlying = 0;
        List<Leg> calls = new ArrayList<>();
        List<Leg> puts = new ArrayList<>();
        for (Leg l : strategy.legs()) {
            switch (l.type()) {
                case UNDERLYING -> {
                    if (l.direction() == LegDirection.LONG) {
                        longUnderlying += l.quantity();
                    } else {
                        shortUnderlying += l.quantity();
                    }
                }
                case CALL -> calls.add(l);
                case PUT -> puts.add(l);
            }
        }
        List<Leg> covered = new ArrayList<>();
        List<Leg> naked = new ArrayList<>();
        double coveredCallCredit = split(calls, longUnderlying, Comparator.comparingDouble(Leg::strike), covered, naked);
        double coveredPutCredit = split(puts, shortUnderlying, Comparator.comparingDouble(Leg::strike).reversed(), covered, naked);
        double nakedCalls = 0;
        double nakedPuts = 0;
        double callPremium = 0;
        double putPremium = 0;
        for (Leg l : naked) {
            double otm = l.type() == LegType.CALL ? Math.max(0, l.strike() - spot) : Math.max(0, spot - l.strike());
            double floor = NAKED_MINIMUM_RATE * (l.type() == LegType.CALL ? spot : l.strike());
            double each = l.quantity() * (Math.max(NAKED_RATE * spot - otm, floor) + l.premium());
            if (l.type() == LegType.CALL) {
                nakedCalls += each;
                callPremium += l.quantity() * l.premium();
            } else {
                nakedPuts += each;
                putPremium += l.quantity() * l.premium();
            }
        }
        double nakedTotal = nakedCalls > 0 && nakedPuts > 0
                ? Math.max(nakedCalls + putPremium, nakedPuts + callPremium)
                : nakedCalls + nakedPuts;
        return nakedTotal + Math.max(0, coveredRequirement(covered) - coveredCallCredit - coveredPutCredit);
    }

    /**
     * Splits one option type's legs into spread-covered and naked units. Units covered by the
     * underlying are dropped; their premium received is returned.
     */
    private static double split(List<Leg> legs, double underlyingCover, Comparator<Leg> coverOrder, List<Leg> covered,
            List<Leg> naked) {
        double longCover = 0;
        List<Leg> shorts = new ArrayList<>();
        for (Leg l : legs) {
            if (l.direction() == LegDirection.LONG) {
                covered.add(l);
                longCover += l.quantity();
            } else {
                shorts.add(l);
            }
        }
        shorts.sort(coverOrder);
        double credit = 0;
        for (Leg s : shorts) {
            double q = s.quantity();
            double byUnderlying = Math.min(q, underlyingCover);
            underlyingCover -= byUnderlying;
            credit += byUnderlying * s.premium();
            q -= byUnderlying;
            double byLong = Math.min(q, longCover);
            longCover -= byLong;
            q -= byLong;
            if (byLong > 0) {
                covered.add(new Leg(s.direction(), s.type(), s.strike(), s.years(), byLong, s.premium()));
            }
            if (q > 0) {
                naked.add(new Leg(s.direction(), s.type(), s.strike(), s.years(), q, s.premium()));
            }
        }
        return credit;
    }

    /** max(net debit, worst loss at expiry with every leg at intrinsic value) of spread-covered legs. */
    private static double coveredRequirement(List<Leg> legs) {
        if (legs.isEmpty()) {
            return 0;
        }
        double debit = 0;
        List<Double> knots = new ArrayList<>();
        knots.add(0.0);
        for (Leg l : legs) {
            debit += l.signedQuantity() * l.premium();
            knots.add(l.strike());
        }
        double worst = 0;
        for (double k : knots) {
            double profit = 0;
            for (Leg l : legs) {
                profit += l.profitAtExpiry(k);
            }
            worst = Math.min(worst, profit);
        }
        return Math.max(debit, -worst);
    }
}
