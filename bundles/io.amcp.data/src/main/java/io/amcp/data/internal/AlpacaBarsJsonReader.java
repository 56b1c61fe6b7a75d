package io.amcp.data.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.spi.Clock;
import io.amcp.data.QualityIssue;
import io.amcp.data.QualityRule;
import io.amcp.datasource.file.BarSize;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an Alpaca market-data v2 bars response saved to a file: the single-symbol form
 * ({@code GET /v2/stocks/{symbol}/bars}: {@code {"bars":[...],"symbol":"AAPL","next_page_token":...}})
 * or the multi-symbol form ({@code GET /v2/stocks/bars}: {@code {"bars":{"AAPL":[...],...}}}). Each bar
 * is {@code {"t":RFC-3339 start,"o","h","l","c","v","n","vw"}}. A bar whose fields do not parse becomes a
 * {@link QualityRule#SCHEMA} issue naming the file line and field; the other bars go on.
 */
public final class AlpacaBarsJsonReader {

    private AlpacaBarsJsonReader() {
    }

    private static final JsonFactory JSON = new JsonFactory();
    private static final String[] PRICES = {"o", "h", "l", "c", "v"};

    /** Rows of one symbol as read. */
    private static final class Rows {
        final List<long[]> values = new ArrayList<>();
        final List<Long> lines = new ArrayList<>();
        final List<QualityIssue> issues = new ArrayList<>();
    }

    /**
     * Parses {@code file}; the symbol of the single-symbol form comes from its {@code symbol} field,
     * else from the file name.
     *
     * @throws IllegalArgumentException naming the file and line when the JSON is malformed or has no
     *                                  {@code bars}
     */
    public static List<CsvBatchReader.Parsed> read(Path file, BarSize barSize) {
        String source = file.getFileName().toString();
        Map<String, Rows> bySymbol = new LinkedHashMap<>();
        String symbol = null;
        boolean sawBars = false;
        try (JsonParser p = JSON.createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException(source + " line " + line(p) + ": expected a JSON object with 'bars'");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.getCurrentName();
                JsonToken t = p.nextToken();
                if (name.equals("bars")) {
                    sawBars = true;
                    if (t == JsonToken.START_ARRAY) {
                        readBars(p, bySymbol.computeIfAbsent("", k -> new Rows()), source);
                    } else if (t == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String s = p.getCurrentName();
                            if (p.nextToken() != JsonToken.START_ARRAY) {
                                throw new IllegalArgumentException(source + " line " + line(p) + ": bars of '" + s
                                        + "' are not an array");
                            }
                            readBars(p, bySymbol.computeIfAbsent(s, k -> new Rows()), source);
                        }
                    } else if (t != JsonToken.VALUE_NULL) {
                        throw new IllegalArgumentException(source + " line " + line(p) + ": 'bars' must be an array or an object");
                    }
                } else if (name.equals("symbol") && t == JsonToken.VALUE_STRING) {
                    symbol = p.getText();
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": malformed JSON: " + e.getMessage(), e);
        }
        if (!sawBars) {
            throw new IllegalArgumentException(source + ": no 'bars' field; not an Alpaca bars response");
        }
        List<CsvBatchReader.Parsed> out = new ArrayList<>();
        for (Map.Entry<String, Rows> e : bySymbol.entrySet()) {
            InstrumentId id;
            if (!e.getKey().isEmpty()) {
                id = InstrumentId.of(e.getKey());
            } else if (symbol != null) {
                id = InstrumentId.of(symbol);
            } else {
                id = CsvBatchReader.symbolOf(file);
            }
            out.add(batch(id, source, e.getValue(), barSize));
        }
        return out;
    }

    private static CsvBatchReader.Parsed batch(InstrumentId symbol, String source, Rows r, BarSize barSize) {
        int n = r.values.size();
        long[] start = new long[n];
        long[][] values = new long[5][n];
        long[] lines = new long[n];
        for (int i = 0; i < n; i++) {
            long[] v = r.values.get(i);
            start[i] = v[0];
            for (int c = 0; c < 5; c++) {
                values[c][i] = v[c + 1];
            }
            lines[i] = r.lines.get(i);
        }
        List<QualityIssue> issues = new ArrayList<>();
        for (QualityIssue q : r.issues) {
            issues.add(new QualityIssue(q.rule(), symbol, q.time(), q.origin(), q.field(), q.reason(), q.row()));
        }
        return new CsvBatchReader(Times.calendarOf(symbol)).alpacaBatch(symbol, source, start, values, lines, issues, barSize);
    }

    private static void readBars(JsonParser p, Rows rows, String source) throws IOException {
        while (p.nextToken() == JsonToken.START_OBJECT) {
            long lineNumber = line(p);
            Map<String, String> f = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.getCurrentName();
                JsonToken t = p.nextToken();
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    p.skipChildren();
                    f.put(name, "<" + t + ">");
                } else {
                    f.put(name, t == JsonToken.VALUE_NULL ? null : p.getText());
                }
            }
            String origin = source + " line " + lineNumber;
            String row = f.toString();
            try {
                long[] v = new long[6];
                v[0] = instant(f.get("t"));
                for (int c = 0; c < 5; c++) {
                    v[c + 1] = decimal(f.get(PRICES[c]), PRICES[c]);
                }
                rows.values.add(v);
                rows.lines.add(lineNumber);
            } catch (FieldException e) {
                rows.issues.add(new QualityIssue(QualityRule.SCHEMA, InstrumentId.of("UNKNOWN"), Long.MIN_VALUE, origin,
                        e.field, e.getMessage(), row));
            }
        }
    }

    private static long line(JsonParser p) {
        return p.getTokenLocation().getLineNr();
    }

    private static long instant(String text) {
        if (text == null) {
            throw new FieldException("t", "missing value");
        }
        try {
            return Clock.toNanos(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            throw new FieldException("t", "not an RFC-3339 timestamp: '" + text + "'");
        }
    }

    private static long decimal(String text, String field) {
        if (text == null) {
            throw new FieldException(field, "missing value");
        }
        try {
            return new BigDecimal(text).setScale(8, RoundingMode.HALF_UP).unscaledValue().longValueExact();
        } catch (NumberFormatException e) {
            throw new FieldException(field, "not a number: '" + text + "'");
        } catch (ArithmeticException e) {
            throw new FieldException(field, "out of range: '" + text + "'");
        }
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
