package io.amcp.backtest.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * An inline SVG time-series chart: dated x axis, "nice" y ticks, gridlines, a legend, lines or one
 * filled area. Long series are reduced to the first, lowest, highest and last point of each pixel
 * column, which keeps the drawn shape (including every extreme) while bounding the file size.
 */
final class SvgLineChart {

    /** One series over the chart's shared time axis. */
    record Series(String name, String color, double[] values, boolean filled) {
    }

    private static final int WIDTH = 1100;
    private static final int LEFT = 78;
    private static final int RIGHT = 18;
    private static final int TOP = 14;
    private static final int BOTTOM = 34;
    private static final double NANOS_PER_DAY = 86_400e9;

    private final long[] times;
    private final int height;
    private final String yTitle;
    private final DoubleFunction<String> yLabel;
    private final List<Series> series = new ArrayList<>();
    private Double forcedMax;

    SvgLineChart(long[] times, int height, String yTitle, DoubleFunction<String> yLabel) {
        this.times = times;
        this.height = height;
        this.yTitle = yTitle;
        this.yLabel = yLabel;
    }

    SvgLineChart add(Series s) {
        series.add(s);
        return this;
    }

    /** Pins the top of the y axis (0 for a drawdown chart). */
    SvgLineChart maxY(double value) {
        forcedMax = value;
        return this;
    }

    String render(String ariaLabel) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double v : s.values) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (forcedMax != null) {
            hi = forcedMax;
            lo = Math.min(lo, hi);
        }
        if (hi - lo < 1e-12 * Math.max(1, Math.abs(hi))) {
            double pad = Math.max(Math.abs(hi) * 0.01, 0.01);
            lo -= pad;
            hi = forcedMax != null ? hi : hi + pad;
        }
        double[] ticks = niceTicks(lo, hi, 6);
        double yMin = Math.min(lo, ticks[0]);
        double yMax = forcedMax != null ? forcedMax : Math.max(hi, ticks[ticks.length - 1]);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = height - TOP - BOTTOM;
        long t0 = times[0];
        long t1 = times.length > 1 ? times[times.length - 1] : t0 + 1;
        Scale sx = new Scale(t0, t1, LEFT, LEFT + plotW);
        Scale sy = new Scale(yMin, yMax, TOP + plotH, TOP);

        StringBuilder svg = new StringBuilder(16_384);
        svg.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(ariaLabel))
                .append("\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        svg.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(plotW)
                .append("\" height=\"").append(plotH).append("\" fill=\"#fff\" stroke=\"#d0d5dd\"/>\n");
        for (double tick : ticks) {
            if (tick < yMin - 1e-12 || tick > yMax + 1e-12) {
                continue;
            }
            double y = sy.map(tick);
            svg.append(String.format(Locale.ROOT,
                    "<line class=\"grid\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/>"
                            + "<text class=\"ylab\" x=\"%d\" y=\"%.1f\">%s</text>\n",
                    LEFT, LEFT + plotW, y, y, LEFT - 8, y + 4, Html.escape(yLabel.apply(tick))));
        }
        for (TimeTick tick : timeTicks(t0, t1)) {
            double x = sx.map(tick.nanos);
            svg.append(String.format(Locale.ROOT,
                    "<line class=\"grid\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\"/>"
                            + "<text class=\"xlab\" x=\"%.1f\" y=\"%d\">%s</text>\n",
                    x, x, TOP, TOP + plotH, x, TOP + plotH + 18, Html.escape(tick.label)));
        }
        svg.append(String.format(Locale.ROOT,
                "<text class=\"axis-title\" transform=\"translate(14,%.1f) rotate(-90)\">%s</text>\n",
                TOP + plotH / 2.0, Html.escape(yTitle)));
        svg.append(String.format(Locale.ROOT, "<text class=\"axis-title\" x=\"%.1f\" y=\"%d\">Date (UTC)</text>\n",
                LEFT + plotW / 2.0, height - 2));

        for (Series s : series) {
            String path = path(s.values, sx, sy, plotW);
            if (s.filled) {
                double base = sy.map(Math.min(Math.max(0, yMin), yMax));
                svg.append(String.format(Locale.ROOT,
                        "<path d=\"%s L%.1f,%.1f L%.1f,%.1f Z\" fill=\"%s\" fill-opacity=\"0.25\" stroke=\"none\"/>\n",
                        path, sx.map(t1), base, sx.map(t0), base, s.color));
            }
            svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(s.color)
                    .append("\" stroke-width=\"1.6\" stroke-linejoin=\"round\"/>\n");
        }
        if (series.size() > 1) {
            int x = LEFT + 12;
            int y = TOP + 12;
            for (Series s : series) {
                svg.append(String.format(Locale.ROOT,
                        "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/>"
                                + "<text class=\"legend\" x=\"%d\" y=\"%d\">%s</text>\n",
                        x, x + 22, y, y, s.color, x + 28, y + 4, Html.escape(s.name)));
                y += 18;
            }
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** The polyline, reduced to first/min/max/last per pixel column when longer than the plot is wide. */
    private String path(double[] values, Scale sx, Scale sy, int plotW) {
        StringBuilder d = new StringBuilder(values.length < 4 * plotW ? values.length * 14 : plotW * 56);
        if (values.length <= 4 * plotW) {
            for (int i = 0; i < values.length; i++) {
                point(d, i == 0, sx.map(times[i]), sy.map(values[i]));
            }
            return d.toString();
        }
        int column = -1;
        int first = 0;
        int min = 0;
        int max = 0;
        for (int i = 0; i <= values.length; i++) {
            int c = i < values.length ? (int) (sx.map(times[i]) - LEFT) : Integer.MAX_VALUE;
            if (c != column) {
                if (column >= 0) {
                    int last = i - 1;
                    int[] keep = {first, Math.min(min, max), Math.max(min, max), last};
                    int previous = -1;
                    for (int k : keep) {
                        if (k != previous) {
                            point(d, d.length() == 0, sx.map(times[k]), sy.map(values[k]));
                            previous = k;
                        }
                    }
                }
                if (i == values.length) {
                    break;
                }
                column = c;
                first = i;
                min = i;
                max = i;
            } else {
                min = values[i] < values[min] ? i : min;
                max = values[i] > values[max] ? i : max;
            }
        }
        return d.toString();
    }

    private static void point(StringBuilder d, boolean move, double x, double y) {
        d.append(move ? "M" : " L").append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
    }

    /** Round tick values (1, 2, 2.5, 5 times a power of ten) covering [lo, hi]. */
    static double[] niceTicks(double lo, double hi, int target) {
        double raw = (hi - lo) / Math.max(1, target - 1);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude * 10;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * magnitude >= raw) {
                step = m * magnitude;
                break;
            }
        }
        double start = Math.floor(lo / step) * step;
        double end = Math.ceil(hi / step) * step;
        int count = (int) Math.round((end - start) / step) + 1;
        double[] ticks = new double[count];
        for (int i = 0; i < count; i++) {
            ticks[i] = start + i * step;
            if (Math.abs(ticks[i]) < step * 1e-9) {
                ticks[i] = 0;
            }
        }
        return ticks;
    }

    private record TimeTick(long nanos, String label) {
    }

    /** Dated ticks at calendar boundaries (hours, days, weeks, months, years), at most about ten. */
    private static List<TimeTick> timeTicks(long t0, long t1) {
        double days = (t1 - t0) / NANOS_PER_DAY;
        List<TimeTick> ticks = new ArrayList<>();
        ZonedDateTime start = Instant.ofEpochSecond(Math.floorDiv(t0, 1_000_000_000L)).atZone(ZoneOffset.UTC);
        ZonedDateTime cursor;
        ChronoUnit unit;
        long step;
        DateTimeFormatter format;
        if (days <= 2) {
            unit = ChronoUnit.HOURS;
            step = days <= 0.5 ? 1 : days <= 1 ? 3 : 6;
            cursor = start.truncatedTo(ChronoUnit.HOURS);
            format = DateTimeFormatter.ofPattern("dd MMM HH:mm", Locale.ENGLISH);
        } else if (days <= 15) {
            unit = ChronoUnit.DAYS;
            step = days <= 8 ? 1 : 2;
            cursor = start.truncatedTo(ChronoUnit.DAYS);
            format = DateTimeFormatter.ofPattern("dd MMM", Locale.ENGLISH);
        } else if (days <= 70) {
            unit = ChronoUnit.WEEKS;
            step = 1;
            cursor = start.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            format = DateTimeFormatter.ofPattern("dd MMM", Locale.ENGLISH);
        } else if (days <= 6 * 366) {
            unit = ChronoUnit.MONTHS;
            step = days <= 300 ? 1 : days <= 600 ? 2 : days <= 3 * 366 ? 3 : 6;
            cursor = LocalDate.of(start.getYear(), 1, 1).atStartOfDay(ZoneOffset.UTC);
            format = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);
        } else {
            unit = ChronoUnit.YEARS;
            double years = days / 365.25;
            step = years <= 10 ? 1 : years <= 20 ? 2 : years <= 50 ? 5 : 10;
            cursor = LocalDateTime.of(start.getYear() - Math.floorMod(start.getYear(), (int) step), 1, 1, 0, 0)
                    .atZone(ZoneOffset.UTC);
            format = DateTimeFormatter.ofPattern("yyyy", Locale.ENGLISH);
        }
        for (int guard = 0; guard < 10_000; guard++) {
            long nanos = cursor.toEpochSecond() * 1_000_000_000L;
            if (nanos > t1) {
                break;
            }
            if (nanos >= t0) {
                ticks.add(new TimeTick(nanos, cursor.format(format)));
            }
            cursor = cursor.plus(step, unit);
        }
        return ticks;
    }

    /** Linear map from data to pixels. */
    private record Scale(double d0, double d1, double p0, double p1) {
        double map(double v) {
            return p0 + (v - d0) / (d1 - d0) * (p1 - p0);
        }
    }
}
