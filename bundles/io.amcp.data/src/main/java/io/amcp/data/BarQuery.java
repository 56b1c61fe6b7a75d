package io.amcp.data;

import io.amcp.api.model.InstrumentId;
import io.amcp.datasource.file.BarSize;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What to read from a {@link BarStore}: one dataset, some symbols, a bar size equal to or coarser
 * than the stored one (aggregated on read), a half-open time range {@code [from, to)} on bar end
 * times, and whether prices are back-adjusted for corporate actions.
 *
 * @param dataset  dataset id
 * @param symbols  symbols to read, at least one
 * @param barSize  bar size of the result
 * @param from     first bar end included
 * @param to       first bar end excluded
 * @param adjusted true for split- and dividend-adjusted prices, false for raw stored values
 */
public record BarQuery(String dataset, List<InstrumentId> symbols, BarSize barSize, Instant from, Instant to,
        boolean adjusted) {

    public BarQuery {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(barSize, "barSize");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        symbols = List.copyOf(Objects.requireNonNull(symbols, "symbols"));
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("symbols: at least one symbol is required");
        }
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("to: must be after from (" + from + "), was " + to);
        }
    }

    /** Raw (unadjusted) bars of {@code symbols}. */
    public static BarQuery of(String dataset, List<InstrumentId> symbols, BarSize barSize, Instant from, Instant to) {
        return new BarQuery(dataset, symbols, barSize, from, to, false);
    }

    /** The same query with adjustment switched on or off. */
    public BarQuery withAdjusted(boolean adjust) {
        return new BarQuery(dataset, symbols, barSize, from, to, adjust);
    }
}
