package io.amcp.data.internal;

import io.amcp.api.calendar.TradingCalendar;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.spi.Clock;
import io.amcp.data.BarBatch;
import io.amcp.data.QualityIssue;
import io.amcp.data.QualityRule;
import io.amcp.datasource.file.BarSize;
import io.amcp.datasource.file.CsvBarImporter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a Yahoo-style ({@code Date,Open,High,Low,Close[,Adj Close],Volume}) or Alpaca-style
 * ({@code t,o,h,l,c,v[,n,vw]}) CSV file row by row without stopping at bad rows: a row that does not
 * parse becomes a {@link QualityRule#SCHEMA} issue naming the line and field. The layout is
 * detected by {@link CsvBarImporter#detect}; bar times follow {@link CsvBarImporter}'s conventions
 * (daily bars end at the session close, Alpaca bars at {@code t} plus the bar size).
 */
public final class CsvBatchReader {

    private static final String[] YAHOO = {"date", "open", "high", "low", "close", "volume"};
    private static final String[] ALPACA = {"t", "o", "h", "l", "c", "v"};

    /** A parsed file. */
    public record Parsed(BarBatch batch, BarSize barSize, List<QualityIssue> schemaIssues) {
    }

    private final TradingCalendar calendar;

    public CsvBatchReader(TradingCalendar calendar) {
        this.calendar = calendar;
    }

    /** The symbol a file stands for: its name without {@code .csv}, upper-cased. */
    public static InstrumentId symbolOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = (dot > 0 ? name.substring(0, dot) : name).toUpperCase(Locale.ROOT);
        try {
            return InstrumentId.of(stem);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": file name does not give a valid symbol: " + e.getMessage(), e);
        }
    }

    /**
     * Parses {@code file}; {@code alpacaBarSize} null infers the size of Alpaca bars from the smallest
     * gap between rows.
     */
    public Parsed read(Path file, InstrumentId symbol, BarSize alpacaBarSize) {
        String source = file.getFileName().toString();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(source + " line 1: empty file, expected a header line");
        }
        String header = lines.get(0).startsWith("\uFEFF") ? lines.get(0).substring(1) : lines.get(0);
        boolean yahoo = CsvBarImporter.detect(header, source) == CsvBarImporter.Format.YAHOO;
        String[] names = yahoo ? YAHOO : ALPACA;
        Map<String, Integer> positions = new HashMap<>();
        String[] headerFields = split(header);
        for (int i = 0; i < headerFields.length; i++) {
            positions.putIfAbsent(headerFields[i].toLowerCase(Locale.ROOT), i);
        }
        int[] index = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            index[i] = positions.get(names[i]);
        }
        boolean crypto = Instrument.infer(symbol).assetClass().tradesAroundTheClock();
        int n = lines.size() - 1;
        long[] time = new long[n];
        long[][] values = new long[5][n];
        long[] lineNumbers = new long[n];
        List<QualityIssue> issues = new ArrayList<>();
        int rows = 0;
        for (int li = 1; li < lines.size(); li++) {
            String line = lines.get(li);
            long lineNumber = li + 1L;
            if (line.isBlank()) {
                continue;
            }
            String[] f = split(line);
            String origin = source + " line " + lineNumber;
            try {
                long t = yahoo ? dailyEnd(date(field(f, index[0], names[0]), names[0]), crypto)
                        : instant(field(f, index[0], names[0]), names[0]);
                for (int c = 1; c <= 5; c++) {
                    values[c - 1][rows] = decimal(field(f, index[c], names[c]), names[c]);
                }
                time[rows] = t;
                lineNumbers[rows] = lineNumber;
                rows++;
            } catch (FieldException e) {
                issues.add(new QualityIssue(QualityRule.SCHEMA, symbol, Long.MIN_VALUE, origin, e.field, e.getMessage(), line));
            }
        }
        time = Arrays.copyOf(time, rows);
        lineNumbers = Arrays.copyOf(lineNumbers, rows);
        for (int c = 0; c < 5; c++) {
            values[c] = Arrays.copyOf(values[c], rows);
        }
        if (!yahoo) {
            return alpacaBatch(symbol, source, time, values, lineNumbers, issues, alpacaBarSize);
        }
        BarBatch batch = new BarBatch(symbol, time, values[0], values[1], values[2], values[3], values[4], source, lineNumbers);
        return new Parsed(batch, BarSize.ONE_DAY, issues);
    }

    /**
     * Turns parsed Alpaca rows (bar start times {@code t}; open, high, low, close, volume columns in
     * {@code values}) into a batch of bar end times: {@code t} plus the bar size, or the session close
     * for daily bars of exchange-traded instruments.
     *
     * @param alpacaBarSize the bar size, or null to infer it from the smallest gap between rows
     */
    public Parsed alpacaBatch(InstrumentId symbol, String source, long[] start, long[][] values, long[] lineNumbers,
            List<QualityIssue> issues, BarSize alpacaBarSize) {
        boolean crypto = Instrument.infer(symbol).assetClass().tradesAroundTheClock();
        long[] time = start.clone();
        BarSize size = alpacaBarSize != null ? alpacaBarSize : inferSize(time, source);
        long step = size.duration().toNanos();
        for (int i = 0; i < time.length; i++) {
            time[i] = size == BarSize.ONE_DAY && !crypto ? dailyEnd(calendar.dateOf(time[i]), false) : time[i] + step;
        }
        BarBatch batch = new BarBatch(symbol, time, values[0], values[1], values[2], values[3], values[4], source, lineNumbers);
        return new Parsed(batch, size, issues);
    }

    private static BarSize inferSize(long[] start, String source) {
        long smallest = Long.MAX_VALUE;
        for (int i = 1; i < start.length; i++) {
            long gap = start[i] - start[i - 1];
            if (gap > 0) {
                smallest = Math.min(smallest, gap);
            }
        }
        if (smallest == Long.MAX_VALUE) {
            throw new IllegalArgumentException(source + ": cannot infer the bar size from fewer than two distinct times; pass it");
        }
        for (BarSize size : BarSize.values()) {
            if (size.duration().toNanos() == smallest) {
                return size;
            }
        }
        throw new IllegalArgumentException(source + ": inferred bar size " + Duration.ofNanos(smallest)
                + " is not one of 1m, 5m, 15m, 1h, 1d");
    }

    private long dailyEnd(LocalDate date, boolean crypto) {
        return crypto ? Clock.toNanos(date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
                : Clock.toNanos(calendar.sessionClose(date));
    }

    private static String field(String[] f, int index, String name) {
        if (index >= f.length || f[index].isEmpty()) {
            throw new FieldException(name, "missing value");
        }
        return f[index];
    }

    private static LocalDate date(String text, String name) {
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new FieldException(name, "not a date (yyyy-MM-dd): '" + text + "'");
        }
    }

    private static long instant(String text, String name) {
        try {
            return Clock.toNanos(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            throw new FieldException(name, "not an RFC-3339 timestamp: '" + text + "'");
        }
    }

    /** Raw fixed-point units; sign and range are the validator's business, not the parser's. */
    private static long decimal(String text, String name) {
        try {
            return new BigDecimal(text).setScale(8, RoundingMode.HALF_UP).unscaledValue().longValueExact();
        } catch (NumberFormatException e) {
            throw new FieldException(name, "not a decimal number: '" + text + "'");
        } catch (ArithmeticException e) {
            throw new FieldException(name, "out of range: '" + text + "'");
        }
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

    /** A field that does not parse. */
    private static final class FieldException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String field;

        FieldException(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }
}
