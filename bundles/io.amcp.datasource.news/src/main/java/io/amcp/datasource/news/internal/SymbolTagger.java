package io.amcp.datasource.news.internal;

import io.amcp.api.model.InstrumentId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the instruments a text mentions: cashtags ({@code $AAPL}, {@code $BRK.B}) and configured
 * company names ({@code Apple=AAPL}). Both match on word boundaries only, so {@code Apple} does not
 * tag "Applebee's" and {@code $AAPL} is not found inside "x$AAPL". Company names match case-sensitively
 * because many are ordinary words in lower case ("Target", "Shell").
 */
final class SymbolTagger {

    private static final Pattern CASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_$])\\$([A-Za-z]{1,6}(?:\\.[A-Za-z]{1,2})?)(?![\\p{L}\\p{N}_])");

    private final Map<Pattern, InstrumentId> companies;

    private SymbolTagger(Map<Pattern, InstrumentId> companies) {
        this.companies = companies;
    }

    /**
     * A tagger for {@code entries} of the form {@code Company name=SYMBOL}.
     *
     * @throws IllegalArgumentException naming {@code property[index]} when an entry is malformed
     */
    static SymbolTagger of(String property, String... entries) {
        Map<Pattern, InstrumentId> companies = new LinkedHashMap<>();
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i];
            int eq = entry.lastIndexOf('=');
            String name = eq < 0 ? "" : entry.substring(0, eq).strip();
            String symbol = eq < 0 ? "" : entry.substring(eq + 1).strip();
            if (name.isEmpty() || symbol.isEmpty()) {
                throw new IllegalArgumentException(property + "[" + i + "]: expected 'Company name=SYMBOL', was '" + entry + "'");
            }
            InstrumentId id;
            try {
                id = InstrumentId.of(symbol.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(property + "[" + i + "]: " + e.getMessage(), e);
            }
            companies.put(Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}_])"), id);
        }
        return new SymbolTagger(companies);
    }

    /** The instruments {@code text} mentions, in symbol order. */
    Set<InstrumentId> tag(String text) {
        Set<InstrumentId> found = new TreeSet<>();
        Matcher cashtag = CASHTAG.matcher(text);
        while (cashtag.find()) {
            found.add(InstrumentId.of(cashtag.group(1).toUpperCase(Locale.ROOT)));
        }
        companies.forEach((name, id) -> {
            if (name.matcher(text).find()) {
                found.add(id);
            }
        });
        return found;
    }
}
