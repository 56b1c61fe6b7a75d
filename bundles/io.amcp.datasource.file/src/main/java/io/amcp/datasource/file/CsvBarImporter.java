package io.amcp.datasource.file;

import io.amcp.api.calendar.NyseCalendar;
import io.amcp.api.calendar.TradingCalendar;
import io.amcp.api.model.BarSeries;
import io.amcp.api.model.Instrument;
import io.amcp.api.spi.Clock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads bar files in the two common CSV layouts into a {@link BarSeries}, detecting the layout from
 * the header:
 * <ul>
 *   <li>{@link Format#YAHOO}: {@code Date,Open,High,Low,Close,Adj Close,Volume} (any order, any case,
 *       {@code Adj Close} optional and ignored), one daily bar per row;</li>
 *   <li>{@link Format#ALPACA}: {@code t,o,h,l,c,v[,n,vw]} with {@code t} an RFC-3339 bar start time.</li>
 * </ul>
 *
 * <p>Bar times are bar ends (see {@link io.amcp.api.model.Bar}). A daily bar of an exchange-traded
 * instrument ends at that date's session close on the importer's calendar (NYSE by default: 16:00
 * America/New_York, 13:00 on early-close days); a daily bar of a crypto pair ends at the following
 * UTC midnight. An Alpaca intraday bar ends at {@code t} plus the bar size, given or inferred as the
 * smallest gap between consecutive rows. Malformed input throws a {@link DatasetFormatException}
 * naming the source, line and column.
 */
public final class CsvBarImporter {

    /** The CSV layouts the importer understands. */
    public enum Format {
        /** Yahoo Finance download: Date,Open,High,Low,Close,Adj Close,Volume. */
        YAHOO,
        /** Alpaca market-data bars: t,o,h,l,c,v with optional n (trade count) and vw (VWAP). */
        ALPACA
    }

    private static final List<String> YAHOO_COLUMNS = List.of("date", "open", "high", "low", "close", "volume");
    private static final List<String> ALPACA_COLUMNS = List.of("t", "o", "h", "l", "c", "v");
    private static final Duration ONE_DAY = Duration.ofDays(1);

    private final TradingCalendar calendar;

    /** An importer that times daily equity bars on the NYSE calendar. */
    public CsvBarImporter() {
        this(NyseCalendar.INSTANCE);
    }

    /** An importer that times daily bars of exchange-traded instruments on {@code calendar}. */
    public CsvBarImporter(TradingCalendar calendar) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /** Reads a file, inferring the bar size of Alpaca files. */
    public BarSeries read(Path file, Instrument instrument) {
        return read(file, instrument, null);
    }

    /**
     * Reads a file.
     *
     * @param barSize bar size of Alpaca files, or null to infer it; Yahoo files are always daily
     */
    public BarSeries read(Path file, Instrument instrument, Duration barSize) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.getFileName().toString(), instrument, barSize);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads CSV text.
     *
     * @param source  name of the input used in error messages, e.g. the file name
     * @param barSize bar size of Alpaca input, or null to infer it; Yahoo input is always daily
     */
    public BarSeries read(Reader reader, String source, Instrument instrument, Duration barSize) {
        Objects.requireNonNull(instrument, "instrument");
        if (barSize != null && (barSize.isNegative() || barSize.isZero())) {
            throw new IllegalArgumentException("barSize: must be positive, was " + barSize);
        }
        try {
            BufferedReader lines = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
            String header = lines.readLine();
            if (header == null) {
                throw new DatasetFormatException(source, 1, "", "empty file, expected a header line");
            }
            Map<String, Integer> columns = columns(header);
            Format format = detect(columns, source);
            return format == Format.YAHOO
                    ? readYahoo(lines, columns, source, instrument)
                    : readAlpaca(lines, columns, source, instrument, barSize);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    /** Detects the layout from a header line. */
    public static Format detect(String headerLine, String source) {
        return detect(columns(headerLine), source);
    }

    private static Format detect(Map<String, Integer> columns, String source) {
        if (columns.keySet().containsAll(YAHOO_COLUMNS)) {
            return Format.YAHOO;
        }
        if (columns.keySet().containsAll(ALPACA_COLUMNS)) {
            return Format.ALPACA;
        }
        throw new DatasetFormatException(source, 1, "", "unrecognised header " + columns.keySet()
                + ": expected Yahoo columns Date,Open,High,Low,Close[,Adj Close],Volume or Alpaca columns t,o,h,l,c,v[,n,vw]");
    }

    private static Map<String, Integer> columns(String header) {
        String[] names = split(header.startsWith("\uFEFF") ? header.substring(1) : header);
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            columns.putIfAbsent(names[i].trim().toLowerCase(Locale.ROOT), i);
        }
        return columns;
    }

    private BarSeries readYahoo(BufferedReader lines, Map<String, Integer> columns, String source,
            Instrument instrument) throws IOException {
        Columns c = new Columns(columns, YAHOO_COLUMNS, source);
        SeriesBuilder bars = new SeriesBuilder(instrument, 256);
        long lineNumber = 1;
        String line;
        while ((line = lines.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = c.fields(line, lineNumber);
            String dateText = f[c.index(0)].trim();
            LocalDate date;
            try {
                date = LocalDate.parse(dateText.length() > 10 ? dateText.substring(0, 10) : dateText);
            } catch (DateTimeParseException e) {
                throw new DatasetFormatException(source, lineNumber, c.name(0), "not a date (yyyy-MM-dd): '" + dateText + "'");
            }
            long time = dailyBarEnd(date, instrument);
            addBar(bars, time, f, c, source, lineNumber);
        }
        return bars.build();
    }

    private BarSeries readAlpaca(BufferedReader lines, Map<String, Integer> columns, String source,
            Instrument instrument, Duration barSize) throws IOException {
        Columns c = new Columns(columns, ALPACA_COLUMNS, source);
        SeriesBuilder bars = new SeriesBuilder(instrument, 1024);
        List<Long> lineNumbers = new ArrayList<>();
        long lineNumber = 1;
        String line;
        while ((line = lines.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = c.fields(line, lineNumber);
            String text = f[c.index(0)].trim();
            long start;
            try {
                start = Clock.toNanos(OffsetDateTime.parse(text).toInstant());
            } catch (DateTimeParseException e) {
                throw new DatasetFormatException(source, lineNumber, c.name(0),
                        "not an RFC-3339 timestamp: '" + text + "'");
            }
            addBar(bars, start, f, c, source, lineNumber);
            lineNumbers.add(lineNumber);
        }
        Duration size = barSize != null ? barSize : inferBarSize(bars, source);
        for (int i = 0; i < bars.size(); i++) {
            long start = bars.time(i);
            long end = size.compareTo(ONE_DAY) >= 0 && !instrument.assetClass().tradesAroundTheClock()
                    ? dailyBarEnd(calendar.dateOf(start), instrument)
                    : start + size.toNanos();
            if (i > 0 && end <= bars.time(i - 1)) {
                throw new DatasetFormatException(source, lineNumbers.get(i), c.name(0),
                        "bar does not end after the previous one");
            }
            bars.setTime(i, end);
        }
        return bars.build();
    }

    private static Duration inferBarSize(SeriesBuilder bars, String source) {
        if (bars.size() < 2) {
            throw new DatasetFormatException(source, 2, "t", "cannot infer the bar size from fewer than two rows; pass it explicitly");
        }
        long smallest = Long.MAX_VALUE;
        for (int i = 1; i < bars.size(); i++) {
            smallest = Math.min(smallest, bars.time(i) - bars.time(i - 1));
        }
        return Duration.ofNanos(smallest);
    }

    private long dailyBarEnd(LocalDate date, Instrument instrument) {
        if (instrument.assetClass().tradesAroundTheClock()) {
            return Clock.toNanos(date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        return Clock.toNanos(calendar.sessionClose(date));
    }

    private static void addBar(SeriesBuilder bars, long time, String[] f, Columns c, String source, long line) {
        long open = Fields.price(f[c.index(1)], source, line, c.name(1));
        long high = Fields.price(f[c.index(2)], source, line, c.name(2));
        long low = Fields.price(f[c.index(3)], source, line, c.name(3));
        long close = Fields.price(f[c.index(4)], source, line, c.name(4));
        long volume = Fields.volume(f[c.index(5)], source, line, c.name(5));
        Fields.checkOhlc(open, high, low, close, source, line);
        if (bars.size() > 0 && time <= bars.lastTime()) {
            throw new DatasetFormatException(source, line, c.name(0), "not after the previous row's time");
        }
        bars.add(time, open, high, low, close, volume);
    }

    private static String[] split(String line) {
        String[] fields = line.split(",", -1);
        for (int i = 0; i < fields.length; i++) {
            String f = fields[i].trim();
            if (f.length() >= 2 && f.charAt(0) == '"' && f.charAt(f.length() - 1) == '"') {
                f = f.substring(1, f.length() - 1);
            }
            fields[i] = f;
        }
        return fields;
    }

    /** The positions of the required columns of one layout, in the layout's order. */
    private static final class Columns {
        private final int[] index;
        private final List<String> names;
        private final int width;
        private final String source;

        Columns(Map<String, Integer> header, List<String> required, String source) {
            this.names = required;
            this.source = source;
            this.index = new int[required.size()];
            int max = 0;
            for (int i = 0; i < index.length; i++) {
                index[i] = header.get(required.get(i));
                max = Math.max(max, index[i]);
            }
            this.width = max + 1;
        }

        int index(int column) {
            return index[column];
        }

        String name(int column) {
            return names.get(column);
        }

        String[] fields(String line, long lineNumber) {
            String[] f = split(line);
            if (f.length < width) {
                throw new DatasetFormatException(source, lineNumber, "", "expected at least " + width
                        + " columns, found " + f.length);
            }
            return f;
        }
    }
}
