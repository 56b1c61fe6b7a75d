package io.amcp.options.executor;

import io.amcp.api.model.Side;
import io.amcp.options.OptionType;
import io.amcp.options.chain.ChainQuote;
import io.amcp.options.chain.OptionChain;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Picks series from a chain by rule. Stateless. */
public final class ContractSelector {

    private ContractSelector() {
    }

    /**
     * The listed expiry whose calendar days to expiry are closest to {@code targetDays} among those at
     * least {@code minDays} away (ties go to the earlier expiry), or empty.
     */
    public static Optional<LocalDate> expiryNear(OptionChain chain, int targetDays, int minDays) {
        long today = chain.date().toEpochDay();
        return chain.expiries().stream().filter(e -> e.toEpochDay() - today >= minDays)
                .min(Comparator.comparingLong(e -> Math.abs(e.toEpochDay() - today - targetDays)));
    }

    /** The series of {@code type} and {@code expiry} whose |delta| is closest to {@code targetDelta} (0..1). */
    public static Optional<ChainQuote> byDelta(OptionChain chain, LocalDate expiry, OptionType type, double targetDelta) {
        if (!(targetDelta > 0 && targetDelta < 1)) {
            throw new IllegalArgumentException("targetDelta: must be in (0, 1), was " + targetDelta);
        }
        return chain.series(expiry, type).stream()
                .min(Comparator.comparingDouble(q -> Math.abs(Math.abs(q.delta()) - targetDelta)));
    }

    /** The series of {@code type} and {@code expiry} whose strike is closest to spot. */
    public static Optional<ChainQuote> atTheMoney(OptionChain chain, LocalDate expiry, OptionType type) {
        return chain.series(expiry, type).stream()
                .min(Comparator.comparingDouble(q -> Math.abs(q.contract().strike() - chain.spot())));
    }

    /**
     * A short iron condor: sell the put and the call nearest {@code shortDelta} in |delta| at the
     * expiry nearest {@code targetDays} (at least 1 day away), buy the put {@code wingWidth} below the
     * short put and the call {@code wingWidth} above the short call. Empty when any leg is not listed
     * or the short strikes cross.
     */
    public static Optional<OptionStructure> ironCondor(OptionChain chain, int targetDays, double shortDelta,
            double wingWidth) {
        if (!(wingWidth > 0)) {
            throw new IllegalArgumentException("wingWidth: must be positive, was " + wingWidth);
        }
        Optional<LocalDate> expiry = expiryNear(chain, targetDays, 1);
        if (expiry.isEmpty()) {
            return Optional.empty();
        }
        LocalDate e = expiry.get();
        Optional<ChainQuote> shortPut = byDelta(chain, e, OptionType.PUT, shortDelta);
        Optional<ChainQuote> shortCall = byDelta(chain, e, OptionType.CALL, shortDelta);
        if (shortPut.isEmpty() || shortCall.isEmpty()
                || shortPut.get().contract().strike() >= shortCall.get().contract().strike()) {
            return Optional.empty();
        }
        Optional<ChainQuote> longPut = chain.find(e, OptionType.PUT, shortPut.get().contract().strike() - wingWidth);
        Optional<ChainQuote> longCall = chain.find(e, OptionType.CALL, shortCall.get().contract().strike() + wingWidth);
        if (longPut.isEmpty() || longCall.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(OptionStructure.of("iron-condor", List.of(
                StructureLeg.of(longPut.get().contract(), Side.BUY),
                StructureLeg.of(shortPut.get().contract(), Side.SELL),
                StructureLeg.of(shortCall.get().contract(), Side.SELL),
                StructureLeg.of(longCall.get().contract(), Side.BUY))));
    }

    /**
     * A long calendar: sell the at-the-money {@code type} at the expiry nearest {@code nearDays} (at
     * least 1 day away), buy the same strike at the expiry nearest {@code farDays} that is later.
     */
    public static Optional<OptionStructure> calendar(OptionChain chain, OptionType type, int nearDays, int farDays) {
        Optional<LocalDate> near = expiryNear(chain, nearDays, 1);
        if (near.isEmpty()) {
            return Optional.empty();
        }
        int minFar = (int) (near.get().toEpochDay() - chain.date().toEpochDay()) + 1;
        Optional<LocalDate> far = expiryNear(chain, Math.max(farDays, minFar), minFar);
        Optional<ChainQuote> shortLeg = atTheMoney(chain, near.get(), type);
        if (far.isEmpty() || shortLeg.isEmpty()) {
            return Optional.empty();
        }
        Optional<ChainQuote> longLeg = chain.find(far.get(), type, shortLeg.get().contract().strike());
        if (longLeg.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(OptionStructure.of(type == OptionType.CALL ? "call-calendar" : "put-calendar", List.of(
                StructureLeg.of(shortLeg.get().contract(), Side.SELL),
                StructureLeg.of(longLeg.get().contract(), Side.BUY))));
    }
}
