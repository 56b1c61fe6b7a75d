package io.amcp.datasource.economic.internal;

import io.amcp.datasource.economic.EconomicDataException;
import io.amcp.datasource.http.ResilientHttp;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The World Bank indicators API v2, {@code /v2/country/{c}/indicator/{i}?format=json}: a two-element
 * array {@code [paging, rows]}, each row with {@code date} and {@code value} ({@code null} when not
 * available, skipped). Pages are followed until {@code pages}. An error is a one-element array
 * {@code [{"message":[{"id","key","value"}]}]}. No release dates (see
 * {@link PointInTimeStore#mergeUndated}).
 */
final class WorldBankClient {

    private static final int PER_PAGE = 1000;

    private final String base;
    private final ResilientHttp<EconomicDataException> http;

    WorldBankClient(String base, ResilientHttp<EconomicDataException> http) {
        this.base = Objects.requireNonNull(base, "worldBankBaseUrl");
        this.http = Objects.requireNonNull(http, "http");
    }

    List<PeriodValue> fetch(SeriesRef ref) {
        List<PeriodValue> out = new ArrayList<>();
        int page = 1;
        while (true) {
            URI uri = URI.create(base + "/v2/country/" + ref.first() + "/indicator/" + ref.second()
                    + "?format=json&per_page=" + PER_PAGE + "&page=" + page);
            int pages = http.get(ref.id(), "observations", () -> uri, "application/json", (status, body) -> read(ref, status, body, out));
            if (page >= pages) {
                return out;
            }
            page++;
        }
    }

    /** Adds the page's values to {@code out} and returns the number of pages. */
    private static int read(SeriesRef ref, int status, String body, List<PeriodValue> out) {
        List<Object> root;
        try {
            root = Json.array(Json.parse(body));
        } catch (IllegalArgumentException e) {
            throw new EconomicDataException(ref.id(), "World Bank answered HTTP " + status + " with " + e.getMessage()
                    + ": " + ResilientHttp.snippet(body), false);
        }
        if (root == null || root.isEmpty()) {
            throw new EconomicDataException(ref.id(), "World Bank answered HTTP " + status + " without a JSON array: "
                    + ResilientHttp.snippet(body), false);
        }
        Map<String, Object> paging = Json.object(root.get(0));
        if (paging != null && paging.containsKey("message")) {
            throw new EconomicDataException(ref.id(), "World Bank error: " + messages(paging.get("message")), false);
        }
        if (status != 200 || paging == null || root.size() < 2) {
            throw new EconomicDataException(ref.id(), "World Bank answered HTTP " + status + ", expected [paging, data]: "
                    + ResilientHttp.snippet(body), false);
        }
        List<Object> rows = Json.array(root.get(1));
        if (rows == null) {
            // the API answers [paging, null] when the indicator has no data for the country
            return 1;
        }
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = Json.object(rows.get(i));
            if (row == null) {
                throw new EconomicDataException(ref.id(), "World Bank data[" + i + "] is not an object", false);
            }
            Object value = row.get("value");
            if (value == null) {
                continue;
            }
            if (!(value instanceof Number number)) {
                throw new EconomicDataException(ref.id(), "World Bank data[" + i + "].value is not a number: " + value, false);
            }
            try {
                out.add(new PeriodValue(Period.parse(String.valueOf(row.get("date"))), number.doubleValue()));
            } catch (IllegalArgumentException e) {
                throw new EconomicDataException(ref.id(), "World Bank data[" + i + "].date: " + e.getMessage(), false, e);
            }
        }
        Object pages = paging.get("pages");
        return pages instanceof Number n ? n.intValue() : 1;
    }

    private static String messages(Object node) {
        List<Object> list = Json.array(node);
        if (list == null) {
            return String.valueOf(node);
        }
        StringBuilder text = new StringBuilder();
        for (Object item : list) {
            Map<String, Object> message = Json.object(item);
            if (text.length() > 0) {
                text.append("; ");
            }
            text.append(message == null ? String.valueOf(item)
                    : message.get("id") + " " + message.get("key") + ": " + message.get("value"));
        }
        return text.toString();
    }
}
