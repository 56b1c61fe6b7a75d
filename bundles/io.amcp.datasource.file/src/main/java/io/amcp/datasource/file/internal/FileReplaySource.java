package io.amcp.datasource.file.internal;

import io.amcp.api.model.Bar;
import io.amcp.api.model.BarSeries;
import io.amcp.api.model.Instrument;
import io.amcp.api.spi.DataSource;
import io.amcp.api.spi.DatasetProvider;
import io.amcp.api.spi.MarketDataSink;
import io.amcp.api.spi.PluginStatus;
import io.amcp.datasource.file.BundledDatasets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays a dataset into the kernel in accelerated real time from its own daemon thread: the bars
 * of all instruments merged in time order, one bar time every {@code 1 / barsPerSecond} seconds.
 * With {@code loop} the dataset starts again after its last bar, its times shifted forward by the
 * dataset's span rounded up to whole weeks (whole days when every instrument trades around the
 * clock), so that time never goes backwards and weekdays stay weekdays.
 *
 * <p>A dataset that cannot be loaded, or a bad speed, leaves the source OFFLINE with the reason
 * instead of failing the component.
 */
@Component(service = DataSource.class, configurationPid = "io.amcp.datasource.file")
@Designate(ocd = ReplayConfig.class)
public final class FileReplaySource implements DataSource {

    private static final Logger LOG = LoggerFactory.getLogger(FileReplaySource.class);
    private static final long STOP_TIMEOUT_MS = 5_000;
    private static final long DAY_NANOS = Duration.ofDays(1).toNanos();

    private final String datasetId;
    private final List<BarSeries> series;
    private final long periodNanos;
    private final boolean loop;
    private volatile PluginStatus status;
    private volatile boolean running;
    private Thread thread;

    @Activate
    public FileReplaySource(ReplayConfig config) {
        this(config.dataset(), config.csvDirectory(), config.barsPerSecond(), config.loop());
    }

    private FileReplaySource(String datasetId, String csvDirectory, double barsPerSecond, boolean loop) {
        this(datasetId, providerOrNull(csvDirectory), barsPerSecond, loop);
    }

    /** A replay of {@code datasetId} from {@code datasets}, which may be null when it could not be built. */
    FileReplaySource(String datasetId, DatasetProvider datasets, double barsPerSecond, boolean loop) {
        this.datasetId = datasetId;
        this.loop = loop;
        List<BarSeries> loaded = List.of();
        PluginStatus initial = PluginStatus.ONLINE;
        long period = 0;
        try {
            if (!(barsPerSecond > 0) || !Double.isFinite(barsPerSecond)) {
                throw new IllegalArgumentException("barsPerSecond: must be positive, was " + barsPerSecond);
            }
            period = Math.max(1, Math.round(1e9 / barsPerSecond));
            if (datasets == null) {
                throw new IllegalArgumentException("csvDirectory: not a readable directory");
            }
            loaded = datasets.load(datasetId);
            if (loaded.stream().allMatch(s -> s.size() == 0)) {
                throw new IllegalArgumentException("dataset '" + datasetId + "' has no bars");
            }
        } catch (RuntimeException e) {
            LOG.error("file replay of '{}' is offline: {}", datasetId, e.getMessage());
            initial = PluginStatus.offline(e.getMessage());
            loaded = List.of();
        }
        this.series = loaded;
        this.periodNanos = period;
        this.status = initial;
    }

    /** The datasets this bundle offers under {@code config}: bundled, synthetic and its CSV directory. */
    static BundledDatasets datasets(ReplayConfig config) {
        String directory = config.csvDirectory().trim();
        return directory.isEmpty() ? new BundledDatasets() : new BundledDatasets(Path.of(directory));
    }

    private static DatasetProvider providerOrNull(String csvDirectory) {
        String directory = csvDirectory.trim();
        try {
            return directory.isEmpty() ? new BundledDatasets() : new BundledDatasets(Path.of(directory));
        } catch (RuntimeException e) {
            LOG.error("csvDirectory '{}' unusable: {}", directory, e.getMessage());
            return null;
        }
    }

    @Override
    public String id() {
        return "file-replay";
    }

    @Override
    public List<Instrument> instruments() {
        return series.stream().map(BarSeries::instrument).toList();
    }

    @Override
    public PluginStatus status() {
        return status;
    }

    @Override
    public synchronized void start(MarketDataSink sink) {
        Objects.requireNonNull(sink, "sink");
        if (thread != null) {
            throw new IllegalStateException("file replay of '" + datasetId + "' is already started");
        }
        if (series.isEmpty()) {
            LOG.warn("file replay of '{}' not started: {}", datasetId, status.reason());
            return;
        }
        running = true;
        thread = new Thread(() -> replay(sink), "amcp-file-replay-" + datasetId);
        thread.setDaemon(true);
        thread.start();
        LOG.info("replaying '{}' ({} instruments) at {} bar times per second{}", datasetId, series.size(),
                1e9 / periodNanos, loop ? ", looping" : "");
    }

    @Override
    public synchronized void stop() {
        running = false;
        Thread t = thread;
        thread = null;
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        t.interrupt();
        try {
            t.join(STOP_TIMEOUT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (t.isAlive()) {
            LOG.warn("file replay thread of '{}' did not end within {} ms", datasetId, STOP_TIMEOUT_MS);
        }
    }

    private void replay(MarketDataSink sink) {
        try {
            long shift = 0;
            long passShift = passShift();
            long deadline = System.nanoTime();
            int[] cursor = new int[series.size()];
            do {
                Arrays.fill(cursor, 0);
                long time;
                while (running && (time = nextTime(cursor)) != Long.MAX_VALUE) {
                    for (int s = 0; s < cursor.length && running; s++) {
                        BarSeries bars = series.get(s);
                        int i = cursor[s];
                        if (i < bars.size() && bars.time()[i] == time) {
                            sink.onBar(new Bar(bars.instrument().id(), time + shift, bars.open()[i], bars.high()[i],
                                    bars.low()[i], bars.close()[i], bars.volume()[i]));
                            cursor[s] = i + 1;
                        }
                    }
                    deadline = pause(deadline);
                }
                shift += passShift;
            } while (loop && running);
            LOG.info("file replay of '{}' finished", datasetId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("file replay of '{}' failed", datasetId, e);
            status = PluginStatus.offline("replay failed: " + e.getMessage());
        }
    }

    /** Sleeps until the next bar time is due; a sink slower than the pace does not cause a burst later. */
    private long pause(long deadline) throws InterruptedException {
        long next = deadline + periodNanos;
        long now = System.nanoTime();
        if (next < now - periodNanos) {
            return now;
        }
        long remaining = next - now;
        if (remaining > 0) {
            TimeUnit.NANOSECONDS.sleep(remaining);
        }
        return next;
    }

    private long nextTime(int[] cursor) {
        long min = Long.MAX_VALUE;
        for (int s = 0; s < cursor.length; s++) {
            BarSeries bars = series.get(s);
            if (cursor[s] < bars.size()) {
                min = Math.min(min, bars.time()[cursor[s]]);
            }
        }
        return min;
    }

    /** How far each further pass is shifted: the span plus one bar, rounded up to whole days or weeks. */
    long passShift() {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long step = DAY_NANOS;
        boolean aroundTheClock = true;
        for (BarSeries bars : series) {
            if (bars.size() == 0) {
                continue;
            }
            first = Math.min(first, bars.time()[0]);
            last = Math.max(last, bars.time()[bars.size() - 1]);
            for (int i = 1; i < bars.size(); i++) {
                step = Math.min(step, bars.time()[i] - bars.time()[i - 1]);
            }
            aroundTheClock &= bars.instrument().assetClass().tradesAroundTheClock();
        }
        long unit = aroundTheClock ? DAY_NANOS : 7 * DAY_NANOS;
        long span = last - first + step;
        return (span + unit - 1) / unit * unit;
    }
}
