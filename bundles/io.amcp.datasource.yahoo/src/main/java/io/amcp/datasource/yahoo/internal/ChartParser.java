package io.amcp.datasource.yahoo.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amcp.api.calendar.NyseCalendar;
import io.amcp.api.model.AssetClass;
import io.amcp.api.model.BarSeries;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.spi.Clock;
import io.amcp.datasource.yahoo.CorporateEvent;
import io.amcp.datasource.yahoo.YahooChart;
import io.amcp.datasource.yahoo.YahooFinanceException;
import io.amcp.datasource.yahoo.YahooInterval;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads the chart API's JSON: {@code chart.result[0]} with {@code meta}, {@code timestamp} (bar
 * starts, epoch seconds), {@code indicators.quote[0].open/high/low/close/volume} (nulls where no
 * trade happened), {@code indicators.adjclose[0].adjclose} and {@code events.dividends/splits}
 * keyed by epoch second; or {@code chart.error {code, description}} on failure.
 */
public final class ChartParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private ChartParser() {
    }

    /** Parses a chart answer for {@code symbol}; {@code status} is the HTTP status it came with. */
    public static YahooChart parse(InstrumentId symbol, YahooInterval interval, int status, String body) {
        JsonNode result = result(symbol, status, body);
        JsonNode meta = result.path("meta");
        ZoneId zone = zone(symbol, meta);
        Instrument instrument = instrument(symbol, meta.path("instrumentType").asText(""));
        JsonNode timestamps = result.path("timestamp");
        JsonNode quote = result.path("indicators").path("quote").path(0);
        JsonNode adjclose = result.path("indicators").path("adjclose").path(0).path("adjclose");
        int n = timestamps.isArray() ? timestamps.size() : 0;
        String[] columns = {"open", "high", "low", "close", "volume"};
        for (String column : columns) {
            if (n > 0 && quote.path(column).size() != n) {
                throw malformed(symbol, "indicators.quote[0]." + column + " has " + quote.path(column).size()
                        + " values for " + n + " timestamps");
            }
        }
        boolean hasAdjclose = adjclose.isArray() && n > 0;
        if (hasAdjclose && adjclose.size() != n) {
            throw malformed(symbol, "indicators.adjclose[0].adjclose has " + adjclose.size() + " values for " + n
                    + " timestamps");
        }
        long[] time = new long[n];
        long[] open = new long[n];
        long[] high = new long[n];
        long[] low = new long[n];
        long[] close = new long[n];
        long[] volume = new long[n];
        double[] adjusted = new double[hasAdjclose ? n : 0];
        int rows = 0;
        for (int i = 0; i < n; i++) {
            JsonNode o = quote.path("open").path(i);
            JsonNode h = quote.path("high").path(i);
            JsonNode l = quote.path("low").path(i);
            JsonNode c = quote.path("close").path(i);
            if (o.isNull() || h.isNull() || l.isNull() || c.isNull()) {
                continue;
            }
            long start = number(symbol, timestamps.path(i), "timestamp[" + i + "]").longValue();
            long end = barEnd(Instant.ofEpochSecond(start), interval, zone, instrument);
            if (rows > 0 && end <= time[rows - 1]) {
                continue;
            }
            time[rows] = end;
            open[rows] = price(symbol, o, "open", i);
            high[rows] = price(symbol, h, "high", i);
            low[rows] = price(symbol, l, "low", i);
            close[rows] = price(symbol, c, "close", i);
            JsonNode v = quote.path("volume").path(i);
            volume[rows] = v.isNull() ? 0 : FixedPoint.fromDouble(number(symbol, v, "volume[" + i + "]").doubleValue());
            checkOhlc(symbol, Instant.ofEpochSecond(start), open[rows], high[rows], low[rows], close[rows]);
            if (hasAdjclose) {
                JsonNode a = adjclose.path(i);
                adjusted[rows] = a.isNull() ? Double.NaN : float32(number(symbol, a, "adjclose[" + i + "]")).doubleValue();
            }
            rows++;
        }
        BarSeries bars = new BarSeries(instrument, Arrays.copyOf(time, rows), Arrays.copyOf(open, rows),
                Arrays.copyOf(high, rows), Arrays.copyOf(low, rows), Arrays.copyOf(close, rows),
                Arrays.copyOf(volume, rows));
        return new YahooChart(symbol, meta.path("currency").asText(""), zone, interval, bars,
                Arrays.copyOf(adjusted, hasAdjclose ? rows : 0), events(symbol, result, zone));
    }

    /**
     * Only the splits and dividends of a chart answer, by ex-date.
     *
     * @param zone   the exchange's time zone, in which ex-dates are days
     * @param events the splits and dividends
     */
    public record Events(ZoneId zone, List<CorporateEvent> events) {
    }

    /** Reads only the splits and dividends of a chart answer. */
    public static Events parseEvents(InstrumentId symbol, int status, String body) {
        JsonNode result = result(symbol, status, body);
        ZoneId zone = zone(symbol, result.path("meta"));
        return new Events(zone, events(symbol, result, zone));
    }

    private static JsonNode result(InstrumentId symbol, int status, String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new YahooFinanceException(symbol.value(), "HTTP " + status + " with a body that is not JSON: "
                    + e.getOriginalMessage(), false, e);
        }
        JsonNode chart = root == null ? null : root.get("chart");
        if (chart == null || !chart.isObject()) {
            throw malformed(symbol, "no 'chart' object (HTTP " + status + ")");
        }
        JsonNode error = chart.path("error");
        if (error.isObject()) {
            throw new YahooFinanceException(symbol.value(), "HTTP " + status + " error '" + error.path("code").asText()
                    + "': " + error.path("description").asText(), false);
        }
        if (status != 200) {
            throw new YahooFinanceException(symbol.value(), "HTTP " + status + " without an error object", false);
        }
        JsonNode result = chart.path("result").path(0);
        if (!result.isObject()) {
            throw malformed(symbol, "chart.result is empty");
        }
        return result;
    }

    private static List<CorporateEvent> events(InstrumentId symbol, JsonNode result, ZoneId zone) {
        List<CorporateEvent> out = new ArrayList<>();
        JsonNode events = result.path("events");
        for (Iterator<Map.Entry<String, JsonNode>> it = events.path("dividends").fields(); it.hasNext();) {
            JsonNode d = it.next().getValue();
            LocalDate exDate = date(symbol, d.path("date"), zone, "events.dividends.date");
            double amount = float32(number(symbol, d.path("amount"), "events.dividends[" + exDate + "].amount"))
                    .doubleValue();
            out.add(CorporateEvent.dividend(symbol, exDate, amount));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = events.path("splits").fields(); it.hasNext();) {
            JsonNode s = it.next().getValue();
            LocalDate exDate = date(symbol, s.path("date"), zone, "events.splits.date");
            double numerator = number(symbol, s.path("numerator"), "events.splits[" + exDate + "].numerator").doubleValue();
            double denominator = number(symbol, s.path("denominator"), "events.splits[" + exDate + "].denominator")
                    .doubleValue();
            if (!(numerator > 0) || !(denominator > 0)) {
                throw malformed(symbol, "events.splits[" + exDate + "]: numerator and denominator must be positive, were "
                        + numerator + " and " + denominator);
            }
            out.add(CorporateEvent.split(symbol, exDate, numerator / denominator));
        }
        out.sort(Comparator.comparing(CorporateEvent::exDate).thenComparing(CorporateEvent::type));
        return out;
    }

    private static ZoneId zone(InstrumentId symbol, JsonNode meta) {
        String name = meta.path("exchangeTimezoneName").asText("");
        if (name.isEmpty()) {
            return NEW_YORK;
        }
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            throw malformed(symbol, "meta.exchangeTimezoneName '" + name + "' is not a time zone");
        }
    }

    private static Instrument instrument(InstrumentId symbol, String instrumentType) {
        return switch (instrumentType) {
            case "ETF" -> new Instrument(symbol, AssetClass.ETF, 1);
            case "CRYPTOCURRENCY" -> new Instrument(symbol, AssetClass.CRYPTO, 1);
            default -> Instrument.infer(symbol);
        };
    }

    /**
     * A bar's end: intraday, its start plus the interval; daily, the session close (the NYSE
     * calendar's, early closes included, for New York listings; 16:00 local elsewhere; the next
     * midnight for round-the-clock crypto).
     */
    private static long barEnd(Instant start, YahooInterval interval, ZoneId zone, Instrument instrument) {
        if (interval.intraday()) {
            return Clock.toNanos(start.plus(interval.length()));
        }
        if (instrument.assetClass() == AssetClass.CRYPTO) {
            LocalDate day = start.atZone(ZoneOffset.UTC).toLocalDate();
            return Clock.toNanos(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        LocalDate session = start.atZone(zone).toLocalDate();
        if (zone.equals(NEW_YORK) && NyseCalendar.INSTANCE.isTradingDay(session)) {
            return Clock.toNanos(NyseCalendar.INSTANCE.sessionClose(session));
        }
        return Clock.toNanos(session.atTime(LocalTime.of(16, 0)).atZone(zone).toInstant());
    }

    /**
     * Yahoo sends single-precision floats widened to double (124.8075 arrives as
     * 124.80750274658203); the shortest decimal of that float is the price it stands for.
     */
    private static BigDecimal float32(Number value) {
        return new BigDecimal(Float.toString(value.floatValue()));
    }

    private static long price(InstrumentId symbol, JsonNode node, String field, int row) {
        BigDecimal value = float32(number(symbol, node, field + "[" + row + "]"));
        if (value.signum() <= 0) {
            throw malformed(symbol, "indicators.quote[0]." + field + "[" + row + "] must be positive, was " + value);
        }
        return FixedPoint.fromDecimal(value);
    }

    private static Number number(InstrumentId symbol, JsonNode node, String field) {
        if (!node.isNumber()) {
            throw malformed(symbol, field + " must be a number, was " + (node.isMissingNode() ? "missing" : node.toString()));
        }
        return node.numberValue();
    }

    private static LocalDate date(InstrumentId symbol, JsonNode node, ZoneId zone, String field) {
        return Instant.ofEpochSecond(number(symbol, node, field).longValue()).atZone(zone).toLocalDate();
    }

    private static void checkOhlc(InstrumentId symbol, Instant start, long open, long high, long low, long close) {
        if (low > high || open > high || close > high || open < low || close < low) {
            throw malformed(symbol, "bar starting " + start + ": OHLC inconsistent (open=" + FixedPoint.format(open)
                    + " high=" + FixedPoint.format(high) + " low=" + FixedPoint.format(low) + " close="
                    + FixedPoint.format(close) + ")");
        }
    }

    private static YahooFinanceException malformed(InstrumentId symbol, String message) {
        return new YahooFinanceException(symbol.value(), "malformed chart answer: " + message, false);
    }
}
