package io.amcp.analytics.indicators;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DecimalNum;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/**
 * The real AAPL daily bars of 2013 shipped in the ta4j-examples jar (only its data file is used), as
 * primitive columns and as a ta4j 0.17 series with either number type.
 */
final class AaplBars {

    static final String RESOURCE = "/appleinc_bars_from_20130101_usd.csv";

    /** The ta4j number types the reference values are computed with. */
    enum NumKind {
        /** Plain double arithmetic, the same operations as the streaming code. */
        DOUBLE(DoubleNum.class, text -> DoubleNum.valueOf(Double.parseDouble(text))),
        /** Decimal arithmetic from the CSV text, an independent rounding path. */
        DECIMAL(DecimalNum.class, DecimalNum::valueOf);

        final Class<? extends Num> type;
        final Function<String, Num> parse;

        NumKind(Class<? extends Num> type, Function<String, Num> parse) {
            this.type = type;
            this.parse = parse;
        }
    }

    final List<String[]> rows;
    final double[] open;
    final double[] high;
    final double[] low;
    final double[] close;
    final double[] volume;

    private AaplBars(List<String[]> rows) {
        this.rows = rows;
        int n = rows.size();
        open = new double[n];
        high = new double[n];
        low = new double[n];
        close = new double[n];
        volume = new double[n];
        for (int i = 0; i < n; i++) {
            String[] r = rows.get(i);
            open[i] = Double.parseDouble(r[1]);
            high[i] = Double.parseDouble(r[2]);
            low[i] = Double.parseDouble(r[3]);
            close[i] = Double.parseDouble(r[4]);
            volume[i] = Double.parseDouble(r[5]);
        }
    }

    static AaplBars load() {
        try (InputStream in = AaplBars.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " not on the test class path (ta4j-examples jar)");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = reader.readLine();
            if (!"date,open,high,low,close,volume".equals(header)) {
                throw new IllegalStateException("unexpected header " + header);
            }
            List<String[]> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.split(","));
                }
            }
            return new AaplBars(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int size() {
        return close.length;
    }

    BarSeries ta4jSeries(NumKind kind) {
        BarSeries series = new BaseBarSeriesBuilder().withName("AAPL").withNumTypeOf(kind.type).build();
        for (String[] r : rows) {
            series.addBar(Duration.ofDays(1),
                    LocalDate.parse(r[0]).plusDays(1).atStartOfDay(ZoneId.of("America/New_York")),
                    kind.parse.apply(r[1]), kind.parse.apply(r[2]), kind.parse.apply(r[3]),
                    kind.parse.apply(r[4]), kind.parse.apply(r[5]));
        }
        return series;
    }
}
