package io.amcp.backtest;

import io.amcp.api.model.Bar;
import io.amcp.api.model.BarSeries;
import java.util.List;
import java.util.function.Consumer;

/**
 * Merges bar series of several instruments into one time-ordered stream without materialising
 * it: a k-way merge over the columnar arrays (ties keep the series order). One series replays with
 * a plain loop.
 */
public final class BarReplay {

    private final BarSeries[] series;
    private final long total;

    public BarReplay(List<BarSeries> series) {
        this.series = series.toArray(BarSeries[]::new);
        long n = 0;
        for (BarSeries s : this.series) {
            n += s.size();
        }
        this.total = n;
    }

    /** Number of bars in all series. */
    public long size() {
        return total;
    }

    /** Sends every bar, in time order, to {@code sink}. */
    public void forEach(Consumer<Bar> sink) {
        if (series.length == 1) {
            BarSeries s = series[0];
            for (int i = 0, n = s.size(); i < n; i++) {
                sink.accept(s.bar(i));
            }
            return;
        }
        int[] cursor = new int[series.length];
        while (true) {
            int best = -1;
            long bestTime = Long.MAX_VALUE;
            for (int k = 0; k < series.length; k++) {
                if (cursor[k] < series[k].size()) {
                    long t = series[k].time()[cursor[k]];
                    if (t < bestTime) {
                        bestTime = t;
                        best = k;
                    }
                }
            }
            if (best < 0) {
                return;
            }
            sink.accept(series[best].bar(cursor[best]++));
        }
    }
}
