package io.amcp.samples.csvsource;

import io.amcp.api.model.Bar;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.spi.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads daily bars in Yahoo Finance's CSV layout ({@code Date,Open,High,Low,Close,Adj Close,Volume};
 * columns found by header name, {@code Adj Close} ignored). Each bar ends at {@code closeTime} on its
 * date in {@code zone}. The whole file is checked before any bar is returned, so a bad file publishes
 * nothing; the error names the row and the field.
 */
public final class YahooCsvParser {

    private static final List<String> REQUIRED = List.of("Date", "Open", "High", "Low", "Close", "Volume");

    private final LocalTime closeTime;
    private final ZoneId zone;

    public YahooCsvParser(LocalTime closeTime, ZoneId zone) {
        this.closeTime = closeTime;
        this.zone = zone;
    }

    /**
     * Parses {@code text}, the content of {@code fileName}, into bars of {@code instrument} in time
     * order.
     *
     * @throws CsvRowException naming the row and field of the first problem
     */
    public List<Bar> parse(String fileName, String text, InstrumentId instrument) {
        String[] lines = text.split("\r?\n");
        if (lines.length == 0 || lines[0].isBlank()) {
            throw new CsvRowException(fileName, 1, "header", "the file is empty");
        }
        Map<String, Integer> columns = new HashMap<>();
        String[] header = lines[0].split(",", -1);
        for (int i = 0; i < header.length; i++) {
            columns.put(header[i].trim().toLowerCase(Locale.ROOT), i);
        }
        int[] index = new int[REQUIRED.size()];
        for (int i = 0; i < REQUIRED.size(); i++) {
            Integer column = columns.get(REQUIRED.get(i).toLowerCase(Locale.ROOT));
            if (column == null) {
                throw new CsvRowException(fileName, 1, REQUIRED.get(i), "column missing from the header '" + lines[0] + "'");
            }
            index[i] = column;
        }
        List<Bar> bars = new ArrayList<>();
        long previous = Long.MIN_VALUE;
        for (int line = 1; line < lines.length; line++) {
            if (lines[line].isBlank()) {
                continue;
            }
            int row = line + 1;
            String[] cells = lines[line].split(",", -1);
            if (cells.length < header.length) {
                throw new CsvRowException(fileName, row, REQUIRED.get(0),
                        "expected " + header.length + " fields, found " + cells.length);
            }
            long time = time(fileName, row, cells[index[0]].trim());
            if (time <= previous) {
                throw new CsvRowException(fileName, row, "Date", "'" + cells[index[0]].trim()
                        + "' is not after the previous row's date");
            }
            previous = time;
            long open = decimal(fileName, row, "Open", cells[index[1]]);
            long high = decimal(fileName, row, "High", cells[index[2]]);
            long low = decimal(fileName, row, "Low", cells[index[3]]);
            long close = decimal(fileName, row, "Close", cells[index[4]]);
            if (low <= 0) {
                throw new CsvRowException(fileName, row, "Low", "must be positive, was " + cells[index[3]].trim());
            }
            long volume = decimal(fileName, row, "Volume", cells[index[5]]);
            if (volume < 0) {
                throw new CsvRowException(fileName, row, "Volume", "must not be negative, was " + cells[index[5]].trim());
            }
            try {
                bars.add(new Bar(instrument, time, open, high, low, close, volume));
            } catch (IllegalArgumentException e) {
                throw new CsvRowException(fileName, row, "High/Low", e.getMessage());
            }
        }
        return bars;
    }

    private long time(String fileName, int row, String text) {
        try {
            return Clock.toNanos(LocalDate.parse(text).atTime(closeTime).atZone(zone).toInstant());
        } catch (DateTimeParseException e) {
            throw new CsvRowException(fileName, row, "Date", "not a date yyyy-MM-dd: '" + text + "'");
        }
    }

    private static long decimal(String fileName, int row, String field, String text) {
        String value = text.trim();
        try {
            return FixedPoint.fromDouble(Double.parseDouble(value));
        } catch (IllegalArgumentException e) {
            throw new CsvRowException(fileName, row, field, "not a number: '" + value + "'");
        }
    }
}
