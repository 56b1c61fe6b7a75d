package io.amcp.datasource.yahoo;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Bar sizes of the chart API. Yahoo limits how far back intraday bars go (1m: last 30 days in
 * windows of at most 7 days; 5m: 60 days; 1h: 730 days).
 */
public enum YahooInterval {
    /** One exchange session; the bar ends at the session close. */
    DAILY("1d", Duration.ofDays(1)),
    /** One hour. */
    HOURLY("1h", Duration.ofHours(1)),
    /** Five minutes. */
    FIVE_MINUTES("5m", Duration.ofMinutes(5)),
    /** One minute. */
    ONE_MINUTE("1m", Duration.ofMinutes(1));

    private final String code;
    private final Duration length;

    YahooInterval(String code, Duration length) {
        this.code = code;
        this.length = length;
    }

    /** The API's {@code interval} parameter, e.g. {@code 1d}. */
    public String code() {
        return code;
    }

    /** Nominal bar length. */
    public Duration length() {
        return length;
    }

    public boolean intraday() {
        return this != DAILY;
    }

    /**
     * The interval with the API code {@code code}.
     *
     * @throws IllegalArgumentException naming the accepted codes
     */
    public static YahooInterval ofCode(String code) {
        for (YahooInterval i : values()) {
            if (i.code.equals(code)) {
                return i;
            }
        }
        throw new IllegalArgumentException("interval: '" + code + "' is not one of "
                + Arrays.stream(values()).map(YahooInterval::code).collect(Collectors.joining(", ")));
    }
}
