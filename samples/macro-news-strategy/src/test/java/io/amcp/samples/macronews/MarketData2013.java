package io.amcp.samples.macronews;

import io.amcp.api.altdata.MacroObservation;
import io.amcp.api.altdata.NewsItem;
import io.amcp.api.model.InstrumentId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Macro releases and news for 2013, written by hand for the AAPL 2013 backtests. */
final class MarketData2013 {

    static final String UNRATE = "fred:UNRATE";
    static final InstrumentId AAPL = InstrumentId.of("AAPL");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private MarketData2013() {
    }

    static Instant newYork(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant();
    }

    /**
     * US unemployment rate (BLS Employment Situation, series UNRATE), first releases: period, release
     * day (08:30 New York) and the rate as first published.
     */
    static List<MacroObservation> unemploymentFirstReleases() {
        String[][] rows = {
            {"2012-11-01", "2012-12-07", "7.7"},
            {"2012-12-01", "2013-01-04", "7.8"},
            {"2013-01-01", "2013-02-01", "7.9"},
            {"2013-02-01", "2013-03-08", "7.7"},
            {"2013-03-01", "2013-04-05", "7.6"},
            {"2013-04-01", "2013-05-03", "7.5"},
            {"2013-05-01", "2013-06-07", "7.6"},
            {"2013-06-01", "2013-07-05", "7.6"},
            {"2013-07-01", "2013-08-02", "7.4"},
            {"2013-08-01", "2013-09-06", "7.3"},
            {"2013-09-01", "2013-10-22", "7.2"},
            {"2013-10-01", "2013-11-08", "7.3"},
            {"2013-11-01", "2013-12-06", "7.0"},
        };
        List<MacroObservation> out = new ArrayList<>();
        for (String[] row : rows) {
            out.add(MacroObservation.of(UNRATE, LocalDate.parse(row[0]), newYork(row[1] + "T08:30"), Double.parseDouble(row[2])));
        }
        return out;
    }

    /** The first releases plus {@code revision}. */
    static List<MacroObservation> with(MacroObservation revision) {
        List<MacroObservation> out = new ArrayList<>(unemploymentFirstReleases());
        out.add(revision);
        return out;
    }

    /** AAPL headlines of 2013 with a sentiment scored by hand (publication times approximate, UTC). */
    static List<NewsItem> appleNews() {
        return List.of(
                item("2013-01-23T21:35:00Z", "Apple quarterly profit flat, iPhone sales miss estimates; shares slide", -0.8),
                item("2013-04-23T20:35:00Z", "Apple raises capital return program to $100 billion", 0.7),
                item("2013-06-10T17:00:00Z", "Apple unveils redesigned iOS 7 at WWDC", 0.3),
                item("2013-07-23T20:35:00Z", "Apple iPhone sales beat estimates", 0.5),
                item("2013-08-13T18:30:00Z", "Carl Icahn says he holds a large position in Apple", 0.6),
                item("2013-09-11T14:00:00Z", "Apple shares fall as iPhone 5c price disappoints", -0.6),
                item("2013-10-28T20:35:00Z", "Apple holiday-quarter outlook falls short of estimates", -0.4),
                item("2013-12-22T12:00:00Z", "Apple signs iPhone deal with China Mobile", 0.6));
    }

    private static NewsItem item(String published, String title, double sentiment) {
        return NewsItem.of("aapl-" + published, Instant.parse(published), "test:hand-scored", title, "", Set.of(AAPL), sentiment);
    }
}
