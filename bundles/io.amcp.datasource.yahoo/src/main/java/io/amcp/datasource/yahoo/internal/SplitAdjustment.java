package io.amcp.datasource.yahoo.internal;

import io.amcp.api.model.BarSeries;
import io.amcp.api.spi.Clock;
import io.amcp.datasource.yahoo.CorporateEvent;
import io.amcp.datasource.yahoo.YahooChart;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Undoes Yahoo's split adjustment: a price (or dividend) of a day before a split's ex-date is
 * multiplied by the split ratio, a volume divided by it, for every later split.
 */
public final class SplitAdjustment {

    private SplitAdjustment() {
    }

    /**
     * {@code chart} as traded, restricted to bars ending in {@code (from, to]} and events with
     * ex-dates in {@code [from, to)} (in the exchange's zone). {@code chart} must reach up to the day
     * of the request so that it holds every split Yahoo adjusted for.
     */
    public static YahooChart unadjust(YahooChart chart, Instant from, Instant to) {
        List<CorporateEvent> splits = chart.corporateActions().stream()
                .filter(e -> e.type() == CorporateEvent.Type.SPLIT).toList();
        BarSeries bars = chart.bars();
        long fromNanos = Clock.toNanos(from);
        long toNanos = Clock.toNanos(to);
        int n = bars.size();
        long[] time = new long[n];
        long[] open = new long[n];
        long[] high = new long[n];
        long[] low = new long[n];
        long[] close = new long[n];
        long[] volume = new long[n];
        double[] adjusted = new double[chart.adjustedClose().length == 0 ? 0 : n];
        int rows = 0;
        for (int i = 0; i < n; i++) {
            long end = bars.time()[i];
            if (end <= fromNanos || end > toNanos) {
                continue;
            }
            LocalDate day = Clock.toInstant(end - 1).atZone(chart.exchangeZone()).toLocalDate();
            double factor = laterSplitFactor(splits, day);
            time[rows] = end;
            open[rows] = Math.round(bars.open()[i] * factor);
            high[rows] = Math.round(bars.high()[i] * factor);
            low[rows] = Math.round(bars.low()[i] * factor);
            close[rows] = Math.round(bars.close()[i] * factor);
            volume[rows] = Math.round(bars.volume()[i] / factor);
            if (adjusted.length > 0) {
                adjusted[rows] = chart.adjustedClose()[i];
            }
            rows++;
        }
        List<CorporateEvent> events = unadjustEvents(chart.corporateActions(), chart.exchangeZone(), from, to);
        BarSeries raw = new BarSeries(bars.instrument(), Arrays.copyOf(time, rows), Arrays.copyOf(open, rows),
                Arrays.copyOf(high, rows), Arrays.copyOf(low, rows), Arrays.copyOf(close, rows),
                Arrays.copyOf(volume, rows));
        return new YahooChart(chart.symbol(), chart.currency(), chart.exchangeZone(), chart.interval(), raw,
                Arrays.copyOf(adjusted, adjusted.length == 0 ? 0 : rows), events);
    }

    /**
     * The events with ex-dates in {@code [from, to)} (days in {@code zone}), dividends multiplied by
     * the ratios of the splits after them. {@code all} must hold every split up to the request day.
     */
    public static List<CorporateEvent> unadjustEvents(List<CorporateEvent> all, ZoneId zone, Instant from, Instant to) {
        List<CorporateEvent> splits = all.stream().filter(e -> e.type() == CorporateEvent.Type.SPLIT).toList();
        LocalDate firstDay = from.atZone(zone).toLocalDate();
        LocalDate endDay = to.atZone(zone).toLocalDate();
        List<CorporateEvent> events = new ArrayList<>();
        for (CorporateEvent e : all) {
            if (e.exDate().isBefore(firstDay) || !e.exDate().isBefore(endDay)) {
                continue;
            }
            events.add(e.type() == CorporateEvent.Type.DIVIDEND
                    ? CorporateEvent.dividend(e.symbol(), e.exDate(), e.value() * laterSplitFactor(splits, e.exDate()))
                    : e);
        }
        return List.copyOf(events);
    }

    /** Product of the ratios of the splits whose ex-date is after {@code day}. */
    static double laterSplitFactor(List<CorporateEvent> splits, LocalDate day) {
        double factor = 1;
        for (CorporateEvent s : splits) {
            if (s.exDate().isAfter(day)) {
                factor *= s.value();
            }
        }
        return factor;
    }
}
