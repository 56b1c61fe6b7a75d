package io.amcp.datasource.file;

import io.amcp.api.model.FixedPoint;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Parses one field of a data file into fixed-point units, naming the place of bad input. */
final class Fields {

    private Fields() {
    }

    /**
     * A decimal field as raw fixed-point units; digits beyond the 8th decimal place are rounded
     * half-up (feeds print sizes such as {@code 0.278380490000}).
     */
    static long decimal(String text, String source, long line, String field) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            throw new DatasetFormatException(source, line, field, "empty");
        }
        try {
            BigDecimal value = new BigDecimal(trimmed).setScale(FixedPoint.SCALE, RoundingMode.HALF_UP);
            return value.unscaledValue().longValueExact();
        } catch (NumberFormatException e) {
            throw new DatasetFormatException(source, line, field, "not a decimal number: '" + trimmed + "'");
        } catch (ArithmeticException e) {
            throw new DatasetFormatException(source, line, field, "out of range: '" + trimmed + "'");
        }
    }

    /** A strictly positive price. */
    static long price(String text, String source, long line, String field) {
        long raw = decimal(text, source, line, field);
        if (raw <= 0) {
            throw new DatasetFormatException(source, line, field, "price must be positive, was " + text.trim());
        }
        return raw;
    }

    /** A non-negative volume or size. */
    static long volume(String text, String source, long line, String field) {
        long raw = decimal(text, source, line, field);
        if (raw < 0) {
            throw new DatasetFormatException(source, line, field, "must not be negative, was " + text.trim());
        }
        return raw;
    }

    /** Checks that open, high, low and close of one bar are consistent. */
    static void checkOhlc(long open, long high, long low, long close, String source, long line) {
        if (high < low) {
            throw new DatasetFormatException(source, line, "high", "below low");
        }
        if (open > high || open < low) {
            throw new DatasetFormatException(source, line, "open", "outside the high-low range");
        }
        if (close > high || close < low) {
            throw new DatasetFormatException(source, line, "close", "outside the high-low range");
        }
    }
}
