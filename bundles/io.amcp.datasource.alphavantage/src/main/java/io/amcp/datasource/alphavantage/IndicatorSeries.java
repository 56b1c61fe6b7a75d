package io.amcp.datasource.alphavantage;

import io.amcp.api.model.InstrumentId;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A technical indicator's values as Alpha Vantage computes them, oldest first.
 *
 * @param symbol  the instrument
 * @param request what was asked
 * @param zone    time zone of the points' times (US/Eastern for US listings)
 * @param points  one per bar
 */
public record IndicatorSeries(InstrumentId symbol, IndicatorRequest request, ZoneId zone, List<Point> points) {

    public IndicatorSeries {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(zone, "zone");
        points = List.copyOf(points);
    }

    /**
     * The indicator at one bar.
     *
     * @param time   the bar's label in {@code zone}: a date at midnight for daily and longer
     *               intervals, else the bar's start
     * @param values output name (e.g. {@code SMA}; {@code MACD}, {@code MACD_Signal},
     *               {@code MACD_Hist}) to value
     */
    public record Point(LocalDateTime time, Map<String, Double> values) {
        public Point {
            Objects.requireNonNull(time, "time");
            values = Map.copyOf(values);
        }

        /**
         * The output {@code name}.
         *
         * @throws IllegalArgumentException naming the outputs there are
         */
        public double value(String name) {
            Double v = values.get(name);
            if (v == null) {
                throw new IllegalArgumentException("indicator output '" + name + "' at " + time + " is absent; outputs: "
                        + values.keySet());
            }
            return v;
        }
    }
}
