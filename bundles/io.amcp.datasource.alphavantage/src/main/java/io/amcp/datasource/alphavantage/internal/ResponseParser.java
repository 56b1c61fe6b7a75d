package io.amcp.datasource.alphavantage.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amcp.api.calendar.NyseCalendar;
import io.amcp.api.model.BarSeries;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.spi.Clock;
import io.amcp.datasource.alphavantage.AlphaVantageException;
import io.amcp.datasource.alphavantage.AlphaVantageException.Kind;
import io.amcp.datasource.alphavantage.Earnings;
import io.amcp.datasource.alphavantage.FinancialStatement;
import io.amcp.datasource.alphavantage.IndicatorRequest;
import io.amcp.datasource.alphavantage.IndicatorSeries;
import io.amcp.datasource.alphavantage.IntradayInterval;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Reads Alpha Vantage's JSON. Failures come back as HTTP 200 with one of three fields:
 * {@code Error Message} (invalid call), {@code Note} (throttled: "Our standard API call frequency
 * is ...") or {@code Information} (throttled, daily quota used up, premium endpoint or demo key);
 * {@link #check} turns them into {@link AlphaVantageException}s of the right kind.
 */
public final class ResponseParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");
    private static final String[] BAR_FIELDS = {"1. open", "2. high", "3. low", "4. close", "5. volume"};

    private ResponseParser() {
    }

    /**
     * The answer's JSON object, after checking it is not one of Alpha Vantage's error answers.
     *
     * @throws AlphaVantageException naming symbol and function, transient when throttled
     */
    public static JsonNode check(String symbol, String function, int status, String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AlphaVantageException(symbol, function, Kind.MALFORMED, "HTTP " + status
                    + " with a body that is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new AlphaVantageException(symbol, function, Kind.MALFORMED, "HTTP " + status + " without a JSON object");
        }
        if (root.hasNonNull("Error Message")) {
            throw new AlphaVantageException(symbol, function, Kind.INVALID_CALL, root.get("Error Message").asText());
        }
        if (root.hasNonNull("Note")) {
            throw new AlphaVantageException(symbol, function, Kind.THROTTLED, root.get("Note").asText());
        }
        if (root.hasNonNull("Information")) {
            String text = root.get("Information").asText();
            throw new AlphaVantageException(symbol, function, classifyInformation(text), text);
        }
        if (status != 200) {
            throw new AlphaVantageException(symbol, function, Kind.INVALID_CALL, "HTTP " + status);
        }
        if (root.isEmpty()) {
            throw new AlphaVantageException(symbol, function, Kind.INVALID_CALL, "empty answer {} (unknown symbol?)");
        }
        return root;
    }

    /**
     * An {@code Information} text: burst and per-minute limits pass with time, a daily quota does
     * not today, premium endpoints and the demo key never do.
     */
    static Kind classifyInformation(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.contains("spreading out") || t.contains("per second") || t.contains("per minute")
                || t.contains("call frequency") || t.contains("burst")) {
            return Kind.THROTTLED;
        }
        if (t.contains("per day") || t.contains("daily rate limit")) {
            return Kind.QUOTA_EXHAUSTED;
        }
        return Kind.REFUSED;
    }

    /** {@code TIME_SERIES_DAILY}: dates to session closes (NYSE calendar), oldest first. */
    public static BarSeries dailyBars(InstrumentId symbol, String body, int status) {
        String function = "TIME_SERIES_DAILY";
        JsonNode root = check(symbol.value(), function, status, body);
        return bars(symbol, function, root, "Time Series (Daily)", key -> {
            LocalDate day = parseDate(symbol, function, key);
            return Clock.toNanos(NyseCalendar.INSTANCE.isTradingDay(day) ? NyseCalendar.INSTANCE.sessionClose(day)
                    : day.atTime(LocalTime.of(16, 0)).atZone(zone(root)).toInstant());
        });
    }

    /** {@code TIME_SERIES_INTRADAY}: labels are bar starts in the meta data's time zone; a bar ends one interval later. */
    public static BarSeries intradayBars(InstrumentId symbol, IntradayInterval interval, String body, int status) {
        String function = "TIME_SERIES_INTRADAY";
        JsonNode root = check(symbol.value(), function, status, body);
        ZoneId zone = zone(root);
        return bars(symbol, function, root, "Time Series (" + interval.code() + ")",
                key -> Clock.toNanos(parseDateTime(symbol, function, key).atZone(zone).toInstant().plus(interval.length())));
    }

    private interface BarEnd {
        long of(String key);
    }

    private static BarSeries bars(InstrumentId symbol, String function, JsonNode root, String seriesField, BarEnd end) {
        JsonNode series = root.get(seriesField);
        if (series == null || !series.isObject()) {
            throw new AlphaVantageException(symbol.value(), function, Kind.MALFORMED, "no '" + seriesField + "' object");
        }
        record Row(long time, long open, long high, long low, long close, long volume) {
        }
        List<Row> rows = new ArrayList<>(series.size());
        for (Iterator<Map.Entry<String, JsonNode>> it = series.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            long[] v = new long[BAR_FIELDS.length];
            for (int i = 0; i < BAR_FIELDS.length; i++) {
                String where = seriesField + "." + e.getKey() + "." + BAR_FIELDS[i];
                BigDecimal d = decimal(symbol.value(), function, e.getValue().get(BAR_FIELDS[i]), where);
                if (d == null || d.signum() < 0 || (i < 4 && d.signum() == 0)) {
                    throw new AlphaVantageException(symbol.value(), function, Kind.MALFORMED, where + ": expected a "
                            + (i < 4 ? "positive price" : "non-negative volume") + ", was " + e.getValue().get(BAR_FIELDS[i]));
                }
                v[i] = FixedPoint.fromDecimal(d);
            }
            if (v[2] > v[1] || v[0] > v[1] || v[3] > v[1] || v[0] < v[2] || v[3] < v[2]) {
                throw new AlphaVantageException(symbol.value(), function, Kind.MALFORMED, seriesField + "." + e.getKey()
                        + ": OHLC inconsistent (" + e.getValue() + ")");
            }
            rows.add(new Row(end.of(e.getKey()), v[0], v[1], v[2], v[3], v[4]));
        }
        rows.sort(Comparator.comparingLong(Row::time));
        int n = rows.size();
        long[] time = new long[n];
        long[] open = new long[n];
        long[] high = new long[n];
        long[] low = new long[n];
        long[] close = new long[n];
        long[] volume = new long[n];
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            time[i] = r.time();
            open[i] = r.open();
            high[i] = r.high();
            low[i] = r.low();
            close[i] = r.close();
            volume[i] = r.volume();
        }
        return new BarSeries(Instrument.infer(symbol), time, open, high, low, close, volume);
    }

    /** {@code INCOME_STATEMENT} or {@code BALANCE_SHEET}: annual reports then quarterly reports. */
    public static List<FinancialStatement> statements(InstrumentId symbol, FinancialStatement.Kind kind, String body,
            int status) {
        String function = kind.name();
        JsonNode root = check(symbol.value(), function, status, body);
        List<FinancialStatement> out = new ArrayList<>();
        readReports(symbol, kind, FinancialStatement.Period.ANNUAL, root, "annualReports", out);
        readReports(symbol, kind, FinancialStatement.Period.QUARTERLY, root, "quarterlyReports", out);
        return List.copyOf(out);
    }

    private static void readReports(InstrumentId symbol, FinancialStatement.Kind kind, FinancialStatement.Period period,
            JsonNode root, String field, List<FinancialStatement> out) {
        String function = kind.name();
        JsonNode reports = root.get(field);
        if (reports == null || !reports.isArray()) {
            throw new AlphaVantageException(symbol.value(), function, Kind.MALFORMED, "no '" + field + "' array");
        }
        for (int r = 0; r < reports.size(); r++) {
            JsonNode report = reports.get(r);
            String where = field + "[" + r + "]";
            LocalDate fiscalDateEnding = parseDate(symbol, function, text(symbol, function, report, "fiscalDateEnding", where));
            Map<String, Double> items = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = report.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("fiscalDateEnding") || e.getKey().equals("reportedCurrency")) {
                    continue;
                }
                BigDecimal value = decimal(symbol.value(), function, e.getValue(), where + "." + e.getKey());
                if (value != null) {
                    items.put(e.getKey(), value.doubleValue());
                }
            }
            out.add(new FinancialStatement(symbol, kind, period, fiscalDateEnding,
                    report.path("reportedCurrency").asText(""), items));
        }
    }

    /** {@code EARNINGS}. */
    public static Earnings earnings(InstrumentId symbol, String body, int status) {
        String function = "EARNINGS";
        JsonNode root = check(symbol.value(), function, status, body);
        List<Earnings.Annual> annual = new ArrayList<>();
        JsonNode years = root.path("annualEarnings");
        for (int i = 0; i < years.size(); i++) {
            JsonNode y = years.get(i);
            String where = "annualEarnings[" + i + "]";
            BigDecimal eps = decimal(symbol.value(), function, y.get("reportedEPS"), where + ".reportedEPS");
            if (eps == null) {
                continue;
            }
            annual.add(new Earnings.Annual(parseDate(symbol, function, text(symbol, function, y, "fiscalDateEnding", where)),
                    eps.doubleValue()));
        }
        List<Earnings.Quarterly> quarterly = new ArrayList<>();
        JsonNode quarters = root.path("quarterlyEarnings");
        for (int i = 0; i < quarters.size(); i++) {
            JsonNode q = quarters.get(i);
            String where = "quarterlyEarnings[" + i + "]";
            quarterly.add(new Earnings.Quarterly(
                    parseDate(symbol, function, text(symbol, function, q, "fiscalDateEnding", where)),
                    parseDate(symbol, function, text(symbol, function, q, "reportedDate", where)),
                    optional(symbol, function, q, "reportedEPS", where),
                    optional(symbol, function, q, "estimatedEPS", where),
                    optional(symbol, function, q, "surprisePercentage", where),
                    q.path("reportTime").asText("")));
        }
        if (!years.isArray() && !quarters.isArray()) {
            throw new AlphaVantageException(symbol.value(), function, Kind.MALFORMED,
                    "neither 'annualEarnings' nor 'quarterlyEarnings'");
        }
        return new Earnings(symbol, annual, quarterly);
    }

    /** A technical indicator: the {@code Technical Analysis: <FUNCTION>} object, oldest first. */
    public static IndicatorSeries indicator(InstrumentId symbol, IndicatorRequest request, String body, int status) {
        String function = request.function();
        JsonNode root = check(symbol.value(), function, status, body);
        String field = "Technical Analysis: " + function;
        JsonNode series = root.get(field);
        if (series == null || !series.isObject()) {
            throw new AlphaVantageException(symbol.value(), function, Kind.MALFORMED, "no '" + field + "' object");
        }
        List<IndicatorSeries.Point> points = new ArrayList<>(series.size());
        for (Iterator<Map.Entry<String, JsonNode>> it = series.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            LocalDateTime time = e.getKey().length() == 10 ? parseDate(symbol, function, e.getKey()).atStartOfDay()
                    : parseDateTime(symbol, function, e.getKey());
            Map<String, Double> values = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> v = e.getValue().fields(); v.hasNext();) {
                Map.Entry<String, JsonNode> output = v.next();
                BigDecimal d = decimal(symbol.value(), function, output.getValue(), field + "." + e.getKey() + "."
                        + output.getKey());
                if (d != null) {
                    values.put(output.getKey(), d.doubleValue());
                }
            }
            points.add(new IndicatorSeries.Point(time, values));
        }
        points.sort(Comparator.comparing(IndicatorSeries.Point::time));
        return new IndicatorSeries(symbol, request, zone(root), points);
    }

    /** The zone named by the meta data's "... Time Zone" entry (US/Eastern by default). */
    private static ZoneId zone(JsonNode root) {
        JsonNode meta = root.path("Meta Data");
        for (Iterator<Map.Entry<String, JsonNode>> it = meta.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().endsWith("Time Zone")) {
                try {
                    return ZoneId.of(e.getValue().asText().trim());
                } catch (DateTimeException unknown) {
                    return NEW_YORK;
                }
            }
        }
        return NEW_YORK;
    }

    private static String text(InstrumentId symbol, String function, JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new AlphaVantageException(symbol.value(), function, Kind.MALFORMED, where + "." + field
                    + ": expected text, was " + value);
        }
        return value.asText();
    }

    private static OptionalDouble optional(InstrumentId symbol, String function, JsonNode node, String field, String where) {
        BigDecimal d = decimal(symbol.value(), function, node.get(field), where + "." + field);
        return d == null ? OptionalDouble.empty() : OptionalDouble.of(d.doubleValue());
    }

    /** A number sent as text (Alpha Vantage's habit) or as a number; null for absent, "None" or "-". */
    private static BigDecimal decimal(String symbol, String function, JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        String text = node.asText().trim();
        if (text.isEmpty() || text.equals("None") || text.equals("-")) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new AlphaVantageException(symbol, function, Kind.MALFORMED, where + ": not a number: '" + text + "'", e);
        }
    }

    private static LocalDate parseDate(InstrumentId symbol, String function, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new AlphaVantageException(symbol.value(), function, Kind.MALFORMED, "not a date: '" + text + "'", e);
        }
    }

    private static LocalDateTime parseDateTime(InstrumentId symbol, String function, String text) {
        try {
            return LocalDateTime.parse(text, DATE_TIME);
        } catch (DateTimeParseException e) {
            throw new AlphaVantageException(symbol.value(), function, Kind.MALFORMED, "not a date-time: '" + text + "'", e);
        }
    }
}
