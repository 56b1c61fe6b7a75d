package io.amcp.datasource.alpaca;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Alpaca bar timeframe such as {@code 1Min}, {@code 15Min}, {@code 1Hour}, {@code 1Day},
 * {@code 1Week} or {@code 1Month}.
 *
 * @param amount how many units (positive)
 * @param unit   the unit
 */
public record BarTimeframe(int amount, Unit unit) {

    /** Alpaca's timeframe units, with the text Alpaca uses. */
    public enum Unit {
        MINUTE("Min", ChronoUnit.MINUTES),
        HOUR("Hour", ChronoUnit.HOURS),
        DAY("Day", ChronoUnit.DAYS),
        WEEK("Week", ChronoUnit.WEEKS),
        MONTH("Month", ChronoUnit.MONTHS);

        private final String text;
        private final ChronoUnit chrono;

        Unit(String text, ChronoUnit chrono) {
            this.text = text;
            this.chrono = chrono;
        }
    }

    /** One-minute bars: the bars of the real-time stream. */
    public static final BarTimeframe ONE_MINUTE = new BarTimeframe(1, Unit.MINUTE);

    private static final Pattern TEXT = Pattern.compile("(\\d{1,4})(Min|T|Hour|H|Day|D|Week|W|Month|M)");

    public BarTimeframe {
        Objects.requireNonNull(unit, "unit");
        if (amount <= 0) {
            throw new IllegalArgumentException("timeframe: amount must be positive, was " + amount);
        }
    }

    /** Parses Alpaca's text ({@code 5Min}, {@code 1Hour}, {@code 1Day}; short forms {@code 5T}, {@code 1H}, {@code 1D}). */
    public static BarTimeframe of(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("timeframe: expected e.g. 1Min, 15Min, 1Hour, 1Day, 1Week, 1Month, was '"
                    + text + "'");
        }
        Unit unit = switch (m.group(2)) {
            case "Min", "T" -> Unit.MINUTE;
            case "Hour", "H" -> Unit.HOUR;
            case "Day", "D" -> Unit.DAY;
            case "Week", "W" -> Unit.WEEK;
            default -> Unit.MONTH;
        };
        return new BarTimeframe(Integer.parseInt(m.group(1)), unit);
    }

    /** The end of a bar that starts at {@code start} (Alpaca stamps bars with their start). */
    public Instant end(Instant start) {
        return unit == Unit.MONTH || unit == Unit.WEEK
                ? start.atZone(ZoneOffset.UTC).plus(amount, unit.chrono).toInstant()
                : start.plus(amount, unit.chrono);
    }

    @Override
    public String toString() {
        return amount + unit.text;
    }
}
