package io.amcp.options.executor;

import java.time.LocalDate;
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

    /** The earliest expiry among the legs. */
    public LocalDate nearestExpiry() {
        return legs.stream().map(l -> l.contract().expiry()).min(LocalDate::compareTo).orElseThrow();
    }
}
