package io.amcp.datasource.economic.internal;

import io.amcp.datasource.economic.EconomicDataException;
import io.amcp.datasource.http.ResilientHttp;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The ECB data portal's SDMX REST API, {@code /service/data/{flow}/{key}?format=csvdata}: one CSV row
 * per observation with {@code TIME_PERIOD} and {@code OBS_VALUE} among the dimension and attribute
 * columns. The answer has no release dates (see {@link PointInTimeStore#mergeUndated}). Empty
 * {@code OBS_VALUE}s are skipped. The portal answers 404 "No results found" for an unknown key.
 */
final class EcbClient {

    private final String base;
    private final ResilientHttp<EconomicDataException> http;

    EcbClient(String base, ResilientHttp<EconomicDataException> http) {
        this.base = Objects.requireNonNull(base, "ecbBaseUrl");
        this.http = Objects.requireNonNull(http, "http");
    }

    List<PeriodValue> fetch(SeriesRef ref) {
        URI uri = URI.create(base + "/service/data/" + ref.first() + "/" + ref.second() + "?format=csvdata");
        return http.get(ref.id(), "observations", () -> uri, "text/csv", (status, body) -> read(ref, status, body));
    }

    private static List<PeriodValue> read(SeriesRef ref, int status, String body) {
        if (status != 200) {
            throw new EconomicDataException(ref.id(), "ECB answered HTTP " + status + ": " + ResilientHttp.snippet(body), false);
        }
        String[] lines = body.split("\r?\n");
        if (lines.length == 0 || lines[0].isBlank()) {
            throw new EconomicDataException(ref.id(), "ECB answer is empty", false);
        }
        List<String> header = CsvLine.split(lines[0].replace("\uFEFF", ""));
        int periodColumn = header.indexOf("TIME_PERIOD");
        int valueColumn = header.indexOf("OBS_VALUE");
        if (periodColumn < 0 || valueColumn < 0) {
            throw new EconomicDataException(ref.id(), "ECB CSV header lacks TIME_PERIOD or OBS_VALUE: "
                    + ResilientHttp.snippet(lines[0]), false);
        }
        List<PeriodValue> out = new ArrayList<>(lines.length);
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> fields = CsvLine.split(lines[i]);
            if (fields.size() <= Math.max(periodColumn, valueColumn)) {
                throw new EconomicDataException(ref.id(), "ECB CSV line " + (i + 1) + ": " + fields.size()
                        + " fields, fewer than the header's", false);
            }
            String value = fields.get(valueColumn).strip();
            if (value.isEmpty() || value.equals("NaN")) {
                continue;
            }
            try {
                out.add(new PeriodValue(Period.parse(fields.get(periodColumn)), Double.parseDouble(value)));
            } catch (IllegalArgumentException e) {
                throw new EconomicDataException(ref.id(), "ECB CSV line " + (i + 1) + ": TIME_PERIOD or OBS_VALUE: "
                        + e.getMessage(), false, e);
            }
        }
        return out;
    }
}
