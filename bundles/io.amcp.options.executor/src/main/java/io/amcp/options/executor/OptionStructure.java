package io.amcp.options.executor;

import io.amcp.api.model.Side;
import io.amcp.options.chain.ChainQuote;
import io.amcp.options.chain.ChainSynthesizer;
import io.amcp.options.chain.OptionChain;
import io.amcp.options.strategy.Leg;
import io.amcp.options.strategy.LegDirection;
import io.amcp.options.strategy.OptionStrategy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A multi-leg option structure to open, named after the {@code io.amcp.options.strategy} catalog
 * ({@code iron-condor}, {@code call-calendar}, ...).
 *
 * @param name catalog name
 * @param legs the legs, at least one, each series at most once
 */
public record OptionStructure(String name, List<StructureLeg> legs) {

    public OptionStructure {
        Objects.requireNonNull(name, "name");
        legs = List.copyOf(Objects.requireNonNull(legs, "legs"));
        if (legs.isEmpty()) {
            throw new IllegalArgumentException("legs: a structure needs at least one leg");
        }
        if (legs.stream().map(l -> l.contract().id()).distinct().count() != legs.size()) {
            throw new IllegalArgumentException("legs: each series may appear once, was " + legs);
        }
    }

    /** A structure from its legs. */
    public static OptionStructure of(String name, List<StructureLeg> legs) {
        return new OptionStructure(name, legs);
    }

    /**
     * This structure as an {@code io.amcp.options.strategy} catalog strategy priced at {@code chain}'s
     * mids, per share (each leg's quantity is its ratio), so that
     * {@link io.amcp.options.strategy.StrategyAnalyzer#analyze} gives its max profit, max loss,
     * breakevens and margin.
     *
     * @throws IllegalArgumentException naming {@code chain} when a leg is not listed or has expired by its date
     */
    public OptionStrategy toStrategy(OptionChain chain) {
        List<Leg> out = new ArrayList<>();
        for (StructureLeg leg : legs) {
            ChainQuote q = chain.find(leg.contract().id()).orElseThrow(() -> new IllegalArgumentException(
                    "chain: leg " + leg.contract().id() + " is not listed on " + chain.date()));
            long days = leg.contract().daysToExpiry(chain.date());
            if (days <= 0) {
                throw new IllegalArgumentException("chain: leg " + leg.contract().id() + " has no time left on " + chain.date());
            }
            out.add(Leg.option(leg.side() == Side.BUY ? LegDirection.LONG : LegDirection.SHORT, leg.contract().type(),
                    leg.contract().strike(), days / ChainSynthesizer.DAYS_PER_YEAR, leg.ratio(), q.mid()));
        }
        return OptionStrategy.of(name, out);
    }

    /** The earliest expiry among the legs. */
    public LocalDate nearestExpiry() {
        return legs.stream().map(l -> l.contract().expiry()).min(LocalDate::compareTo).orElseThrow();
    }
}
