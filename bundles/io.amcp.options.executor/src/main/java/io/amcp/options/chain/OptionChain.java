package io.amcp.options.chain;

import io.amcp.api.model.InstrumentId;
import io.amcp.options.OptionType;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Every listed series of one underlying on one date, as quoted at that date's close.
 *
 * @param underlying the underlying
 * @param date       exchange-local trading date
 * @param spot       underlying price the chain was built from
 * @param quotes     the series, by expiry, then strike, then call before put
 */
public record OptionChain(InstrumentId underlying, LocalDate date, double spot, List<ChainQuote> quotes) {

    public OptionChain {
        Objects.requireNonNull(underlying, "underlying");
        Objects.requireNonNull(date, "date");
        quotes = List.copyOf(quotes);
    }

    /** The expiration dates listed, ascending. */
    public List<LocalDate> expiries() {
        TreeSet<LocalDate> set = new TreeSet<>();
        quotes.forEach(q -> set.add(q.contract().expiry()));
        return List.copyOf(set);
    }

    /** The series of one expiry and type, by ascending strike. */
    public List<ChainQuote> series(LocalDate expiry, OptionType type) {
        return quotes.stream().filter(q -> q.contract().expiry().equals(expiry) && q.contract().type() == type)
                .sorted((a, b) -> Double.compare(a.contract().strike(), b.contract().strike())).toList();
    }

    /** The quote of a listed series, if listed. */
    public Optional<ChainQuote> find(InstrumentId symbol) {
        return quotes.stream().filter(q -> q.contract().id().equals(symbol)).findFirst();
    }

    /** The quote of a listed series by its terms, if listed. */
    public Optional<ChainQuote> find(LocalDate expiry, OptionType type, double strike) {
        return quotes.stream().filter(q -> q.contract().expiry().equals(expiry) && q.contract().type() == type
                && Math.abs(q.contract().strike() - strike) < 1e-9).findFirst();
    }
}
