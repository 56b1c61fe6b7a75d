package io.amcp.api.altdata;

import io.amcp.api.model.InstrumentId;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A news or social item, de-duplicated, tagged with the instruments it mentions and scored.
 *
 * @param id        stable id (de-duplication key), e.g. a hash of the normalised link or title
 * @param published instant the item was published
 * @param source    adapter and feed it came from, e.g. {@code rss:reuters-business}
 * @param title     headline
 * @param url       link, may be empty
 * @param symbols   instruments mentioned, may be empty
 * @param sentiment score in [-1, 1], negative is bearish
 */
public record NewsItem(String id, Instant published, String source, String title, String url,
                       Set<InstrumentId> symbols, double sentiment) {

    public NewsItem {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(title, "title");
        url = url == null ? "" : url;
        symbols = Set.copyOf(symbols);
        if (!(sentiment >= -1.0 && sentiment <= 1.0)) {
            throw new IllegalArgumentException("sentiment must be in [-1, 1]: " + sentiment);
        }
    }

    /** Creates an item; see the record components. */
    public static NewsItem of(String id, Instant published, String source, String title, String url,
                              Set<InstrumentId> symbols, double sentiment) {
        return new NewsItem(id, published, source, title, url, symbols, sentiment);
    }
}
