package io.amcp.datasource.economic.internal;

import io.amcp.api.altdata.MacroObservation;
import io.amcp.datasource.economic.EconomicDataException;
import io.amcp.datasource.http.ResilientHttp;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * FRED/ALFRED {@code /fred/series/observations} over the whole real-time range
 * ({@code realtime_start=1776-07-04}, {@code realtime_end=9999-12-31}): one row per value and the
 * real-time period it was current, so a revised period appears once per release. A row's
 * {@code realtime_start} is the day the value became known; it is taken as released at
 * {@code releaseTime} (New York time) that day, by default 17:00, after the US close, so a daily
 * strategy first uses a value on the session after its release. Missing values ({@code "."}) are
 * skipped. Pages of {@code limit} rows are followed through {@code offset}.
 */
final class FredClient {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final int PAGE = 100_000;

    private final String base;
    private final ResilientHttp<EconomicDataException> http;
    private final Supplier<String> apiKey;
    private final LocalTime releaseTime;

    FredClient(String base, ResilientHttp<EconomicDataException> http, Supplier<String> apiKey, LocalTime releaseTime) {
        this.base = Objects.requireNonNull(base, "fredBaseUrl");
        this.http = Objects.requireNonNull(http, "http");
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.releaseTime = Objects.requireNonNull(releaseTime, "fredReleaseTime");
    }

    /** Every vintage of {@code ref}'s series. */
    List<MacroObservation> fetch(SeriesRef ref) {
        String key = apiKey.get();
        List<MacroObservation> out = new ArrayList<>();
        int offset = 0;
        while (true) {
            URI uri = URI.create(base + "/fred/series/observations?series_id=" + encode(ref.code()) + "&api_key=" + encode(key)
                    + "&file_type=json&realtime_start=1776-07-04&realtime_end=9999-12-31&limit=" + PAGE
                    + "&offset=" + offset);
            Page page = http.get(ref.id(), "observations", () -> uri, "application/json", (status, body) -> read(ref, status, body));
            out.addAll(page.observations());
            offset += page.rows();
            if (page.rows() == 0 || offset >= page.count()) {
                return out;
            }
        }
    }

    private record Page(List<MacroObservation> observations, int rows, long count) {
    }

    private Page read(SeriesRef ref, int status, String body) {
        Map<String, Object> root;
        try {
            root = Json.object(Json.parse(body));
        } catch (IllegalArgumentException e) {
            throw new EconomicDataException(ref.id(), "FRED answered HTTP " + status + " with " + e.getMessage()
                    + ": " + ResilientHttp.snippet(body), false);
        }
        if (root == null) {
            throw new EconomicDataException(ref.id(), "FRED answered HTTP " + status + " without a JSON object", false);
        }
        if (status != 200 || root.containsKey("error_code")) {
            throw new EconomicDataException(ref.id(), "FRED error " + root.getOrDefault("error_code", status) + ": "
                    + root.getOrDefault("error_message", ResilientHttp.snippet(body)), false);
        }
        List<Object> rows = Json.array(root.get("observations"));
        if (rows == null) {
            throw new EconomicDataException(ref.id(), "FRED answer has no 'observations' array", false);
        }
        List<MacroObservation> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = Json.object(rows.get(i));
            String value = row == null ? null : text(row.get("value"));
            if (row == null || value == null) {
                throw new EconomicDataException(ref.id(), "FRED observations[" + i + "]: no 'value'", false);
            }
            if (value.equals(".")) {
                continue;
            }
            try {
                LocalDate period = LocalDate.parse(text(row.get("date")));
                LocalDate known = LocalDate.parse(text(row.get("realtime_start")));
                out.add(MacroObservation.of(ref.id(), period, known.atTime(releaseTime).atZone(NEW_YORK).toInstant(),
                        Double.parseDouble(value)));
            } catch (DateTimeParseException | NullPointerException | IllegalArgumentException e) {
                throw new EconomicDataException(ref.id(), "FRED observations[" + i + "]: bad date, realtime_start or value in "
                        + row, false, e);
            }
        }
        Object count = root.get("count");
        return new Page(out, rows.size(), count instanceof Number n ? n.longValue() : rows.size());
    }

    private static String text(Object node) {
        return node == null ? null : node.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
