package io.amcp.datasource.alphavantage;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Bar sizes of {@code TIME_SERIES_INTRADAY} (the API's {@code interval} parameter). */
public enum IntradayInterval {
    ONE_MINUTE("1min", 1),
    FIVE_MINUTES("5min", 5),
    FIFTEEN_MINUTES("15min", 15),
    THIRTY_MINUTES("30min", 30),
    SIXTY_MINUTES("60min", 60);

    private final String code;
    private final Duration length;

    IntradayInterval(String code, int minutes) {
        this.code = code;
        this.length = Duration.ofMinutes(minutes);
    }

    /** The API's code, e.g. {@code 5min}. */
    public String code() {
        return code;
    }

    public Duration length() {
        return length;
    }

    /**
     * The interval with API code {@code code}.
     *
     * @throws IllegalArgumentException naming the accepted codes
     */
    public static IntradayInterval ofCode(String code) {
        for (IntradayInterval i : values()) {
            if (i.code.equals(code)) {
                return i;
            }
        }
        throw new IllegalArgumentException("interval: '" + code + "' is not one of "
                + Arrays.stream(values()).map(IntradayInterval::code).collect(Collectors.joining(", ")));
    }
}
