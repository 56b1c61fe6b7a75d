package io.amcp.datasource.file.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.api.model.Bar;
import io.amcp.api.model.BarSeries;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.Instrument;
import io.amcp.api.spi.DatasetProvider;
import io.amcp.api.spi.MarketDataSink;
import io.amcp.api.spi.PluginStatus;
import io.amcp.datasource.file.BundledDatasets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FileReplaySourceTest {

    private static final long MINUTE = Duration.ofMinutes(1).toNanos();
    private static final long DAY = Duration.ofDays(1).toNanos();

    /** Two crypto series with interleaved and shared times: A at minutes 1,2,4 and B at 2,3,5. */
    private static final List<BarSeries> TWO = List.of(series("AAA/USD", 1, 2, 4), series("BBB/USD", 2, 3, 5));

    @Test
    void mergesInstrumentsInTimeOrderAndFinishes() throws InterruptedException {
        Collector sink = new Collector(6);
        FileReplaySource source = new FileReplaySource("two", provider(TWO), 10_000, false);
        assertThat(source.instruments()).extracting(i -> i.id().value()).containsExactly("AAA/USD", "BBB/USD");
        source.start(sink);
        assertThat(sink.done.await(10, TimeUnit.SECONDS)).isTrue();
        source.stop();
        assertThat(sink.bars).extracting(b -> b.instrument().value() + "@" + b.time() / MINUTE)
                .containsExactly("AAA/USD@1", "AAA/USD@2", "BBB/USD@2", "BBB/USD@3", "AAA/USD@4", "BBB/USD@5");
        assertThat(source.status()).isEqualTo(PluginStatus.ONLINE);
    }

    @Test
    void loopingShiftsEachPassForwardSoTimeNeverGoesBack() throws InterruptedException {
        Collector sink = new Collector(18);
        FileReplaySource source = new FileReplaySource("two", provider(TWO), 10_000, true);
        source.start(sink);
        assertThat(sink.done.await(10, TimeUnit.SECONDS)).isTrue();
        source.stop();
        List<Bar> bars = List.copyOf(sink.bars).subList(0, 18);
        for (int i = 1; i < bars.size(); i++) {
            assertThat(bars.get(i).time()).isGreaterThanOrEqualTo(bars.get(i - 1).time());
        }
        // span 4 minutes + 1 minute step rounds up to one whole day for around-the-clock instruments
        assertThat(bars.get(6).time()).isEqualTo(DAY + MINUTE);
        assertThat(bars.get(12).time()).isEqualTo(2 * DAY + MINUTE);
        assertThat(bars.get(6).close()).isEqualTo(bars.get(0).close());
    }

    @Test
    void stopEndsTheThreadPromptlyAndNothingArrivesAfterwards() throws InterruptedException {
        Collector sink = new Collector(3);
        // 20 bar times per second: the thread spends nearly all its time asleep when stopped
        FileReplaySource source = new FileReplaySource(BundledDatasets.AAPL_2013, new BundledDatasets(), 20, true);
        source.start(sink);
        assertThat(sink.done.await(10, TimeUnit.SECONDS)).isTrue();
        source.stop();
        int seen = sink.bars.size();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("amcp-file-replay-"));
        Thread.sleep(200);
        assertThat(sink.bars).hasSize(seen);

        Collector again = new Collector(1);
        source.start(again);
        assertThatThrownBy(() -> source.start(again)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already started");
        assertThat(again.done.await(10, TimeUnit.SECONDS)).isTrue();
        source.stop();
    }

    @Test
    void aaplReplayPublishesRealBarsFromADaemonThread() throws InterruptedException {
        Collector sink = new Collector(2);
        FileReplaySource source = new FileReplaySource(BundledDatasets.AAPL_2013, new BundledDatasets(), 1000, false);
        source.start(sink);
        assertThat(sink.done.await(10, TimeUnit.SECONDS)).isTrue();
        source.stop();
        Bar first = sink.bars.get(0);
        assertThat(first.instrument().value()).isEqualTo("AAPL");
        assertThat(FixedPoint.format(first.close())).isEqualTo("549.03");
        assertThat(sink.threadWasDaemon).isTrue();
        assertThat(sink.threadName).isEqualTo("amcp-file-replay-aapl-2013");
    }

    @Test
    void unknownDatasetOrBadSpeedLeavesTheSourceOffline() {
        FileReplaySource unknown = new FileReplaySource("nope", new BundledDatasets(), 5, true);
        assertThat(unknown.status().state()).isEqualTo(PluginStatus.State.OFFLINE);
        assertThat(unknown.status().reason()).contains("'nope'");
        assertThat(unknown.instruments()).isEmpty();
        unknown.start(bar -> {
            throw new AssertionError("no bars expected");
        });
        unknown.stop();
        FileReplaySource zero = new FileReplaySource(BundledDatasets.AAPL_2013, new BundledDatasets(), 0, true);
        assertThat(zero.status().reason()).contains("barsPerSecond");
    }

    private static DatasetProvider provider(List<BarSeries> series) {
        return new DatasetProvider() {
            @Override
            public List<DatasetInfo> datasets() {
                return List.of();
            }

            @Override
            public List<BarSeries> load(String datasetId) {
                return series;
            }
        };
    }

    private static BarSeries series(String symbol, long... minutes) {
        int n = minutes.length;
        long[] time = new long[n];
        long[] price = new long[n];
        long[] volume = new long[n];
        for (int i = 0; i < n; i++) {
            time[i] = minutes[i] * MINUTE;
            price[i] = (100 + minutes[i]) * FixedPoint.ONE;
            volume[i] = FixedPoint.ONE;
        }
        return new BarSeries(Instrument.crypto(symbol), time, price, price.clone(), price.clone(), price.clone(), volume);
    }

    /** Records bars and counts down once {@code expected} have arrived. */
    private static final class Collector implements MarketDataSink {
        final List<Bar> bars = new CopyOnWriteArrayList<>();
        final CountDownLatch done;
        volatile boolean threadWasDaemon;
        volatile String threadName;

        Collector(int expected) {
            done = new CountDownLatch(expected);
        }

        @Override
        public void onBar(Bar bar) {
            threadWasDaemon = Thread.currentThread().isDaemon();
            threadName = Thread.currentThread().getName();
            bars.add(bar);
            done.countDown();
        }
    }
}
