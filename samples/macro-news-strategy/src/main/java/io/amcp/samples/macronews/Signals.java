package io.amcp.samples.macronews;

import io.amcp.api.altdata.MacroObservation;
import java.time.Instant;

/**
 * What the strategy saw at one decision, all read point-in-time at the kernel clock's {@code at}.
 *
 * @param at          kernel time of the decision
 * @param close       the bar's close
 * @param sma         moving average of closes
 * @param latestMacro newest macro value known at {@code at}, null when none yet
 * @param macroOk     the macro value is not above its value {@code macroLookback} periods earlier
 * @param sentiment   mean news sentiment over the window (0 without news)
 */
public record Signals(Instant at, double close, double sma, MacroObservation latestMacro, boolean macroOk,
        double sentiment) {

    /** Price above its moving average. */
    public boolean uptrend() {
        return close > sma;
    }
}
