package io.amcp.datasource.file;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The bar sizes the synthetic generator produces. */
public enum BarSize {
    ONE_MINUTE("1m", Duration.ofMinutes(1)),
    FIVE_MINUTES("5m", Duration.ofMinutes(5)),
    FIFTEEN_MINUTES("15m", Duration.ofMinutes(15)),
    ONE_HOUR("1h", Duration.ofHours(1)),
    ONE_DAY("1d", Duration.ofDays(1));

    private final String label;
    private final Duration duration;

    BarSize(String label, Duration duration) {
        this.label = label;
        this.duration = duration;
    }

    /** Short label as used in dataset ids and {@code DatasetInfo.barSize}, e.g. {@code 5m}. */
    public String label() {
        return label;
    }

    public Duration duration() {
        return duration;
    }

    /** Parses a label such as {@code 1m}, {@code 5m}, {@code 15m}, {@code 1h} or {@code 1d}. */
    public static BarSize parse(String label) {
        for (BarSize size : values()) {
            if (size.label.equalsIgnoreCase(label.trim())) {
                return size;
            }
        }
        throw new IllegalArgumentException("bar size: expected one of "
                + Arrays.stream(values()).map(BarSize::label).collect(Collectors.joining(", ")) + ", was '" + label + "'");
    }

    @Override
    public String toString() {
        return label;
    }
}
