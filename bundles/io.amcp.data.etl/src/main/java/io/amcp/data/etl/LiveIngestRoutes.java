package io.amcp.data.etl;

import io.amcp.api.model.Bar;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.spi.MarketDataHub;
import io.amcp.api.spi.MarketDataHub.DeliveryPolicy;
import io.amcp.api.spi.MarketDataSink;
import io.amcp.data.BarBatch;
import io.amcp.data.BarStore;
import io.amcp.data.ExportFormat;
import io.amcp.data.IngestResult;
import io.amcp.datasource.file.BarSize;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.processor.aggregate.GroupedBodyAggregationStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live-stream ingest: bars from the market data hub ({@link #subscribe}, LOSSLESS: the store must
 * not miss a bar, and a slow store only grows this subscriber's own queue) enter
 * {@code direct:amcp-live-<dataset>}, are gathered into micro-batches by a Camel aggregator (complete
 * at {@link LiveIngestSettings#batchSize()} bars or after {@link LiveIngestSettings#flushMillis()}),
 * and each micro-batch is validated and stored by {@link BarStore#ingest} as one atomic ingest: bad
 * rows are quarantined with their reason and the batch's quality report is written to
 * {@code <reports>/live-<ingest>.quality.txt}. Stopping the Camel context stores what is pending.
 *
 * <p>A micro-batch the store refuses (an I/O or DuckDB failure: the ingest changed nothing) is tried
 * again up to {@link LiveIngestSettings#attempts()} times in all, waiting
 * {@link LiveIngestSettings#backoffMillis()} before the second attempt and twice as long before each
 * next one (at most {@value #MAX_BACKOFF_MILLIS} ms). A batch still refused is quarantined whole, so
 * that no bar is lost silently: its bars go to {@code <reports>/live-failed-<batch>.csv}
 * ({@code symbol,end,open,high,low,close,volume}) and the refusal, with the last error, to
 * {@code <reports>/live-failed-<batch>.txt}.
 */
public final class LiveIngestRoutes extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(LiveIngestRoutes.class);
    /** The longest wait between two attempts to store one micro-batch. */
    static final long MAX_BACKOFF_MILLIS = 60_000;
    private static final DateTimeFormatter BATCH_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    /** Stores one micro-batch as one atomic ingest: {@link BarStore#ingest}, or a stand-in in tests. */
    @FunctionalInterface
    interface BatchIngest {
        IngestResult ingest(String dataset, BarSize barSize, List<BarBatch> batches);
    }

    private final BatchIngest store;
    private final LiveIngestSettings settings;
    private final AtomicLong rowsStored = new AtomicLong();
    private final AtomicLong rowsQuarantined = new AtomicLong();
    private final AtomicLong ingests = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong batchesFailed = new AtomicLong();
    private final AtomicLong rowsFailed = new AtomicLong();

    public LiveIngestRoutes(BarStore store, LiveIngestSettings settings) {
        this(storeIngest(Objects.requireNonNull(store, "store")), settings);
    }

    LiveIngestRoutes(BatchIngest store, LiveIngestSettings settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    private static BatchIngest storeIngest(BarStore store) {
        return (dataset, barSize, batches) -> store.ingest(dataset, barSize, batches.iterator(), null);
    }

    /** The route id, {@code amcp-live-<dataset>}. */
    public String routeId() {
        return "amcp-live-" + settings.dataset();
    }

    /** The endpoint live bars are sent to. */
    public String endpointUri() {
        return "direct:" + routeId();
    }

    @Override
    public void configure() {
        onException(RuntimeException.class).logExhausted(false).logStackTrace(false);
        from(endpointUri()).routeId(routeId())
                .aggregate(constant(true), new GroupedBodyAggregationStrategy())
                .completionSize(settings.batchSize())
                .completionTimeout(settings.flushMillis())
                .forceCompletionOnStop()
                .process(this::ingest);
    }

    /**
     * Subscribes this route to {@code hub}: every bar goes into the route on the subscription's own
     * thread. Add the routes to {@code camel} (started) first; close the subscription before stopping it.
     */
    public MarketDataHub.Subscription subscribe(MarketDataHub hub, CamelContext camel, int capacity) {
        ProducerTemplate template = camel.createProducerTemplate();
        String uri = endpointUri();
        MarketDataSink sink = bar -> template.sendBody(uri, bar);
        return hub.subscribe(settings.subscription(), DeliveryPolicy.LOSSLESS, capacity, sink);
    }

    /** Rows stored by this route since it was built. */
    public long rowsStored() {
        return rowsStored.get();
    }

    /** Rows quarantined by this route since it was built. */
    public long rowsQuarantined() {
        return rowsQuarantined.get();
    }

    /** Micro-batches stored since it was built. */
    public long ingests() {
        return ingests.get();
    }

    /** Attempts to store a micro-batch again after the store refused it, since it was built. */
    public long retries() {
        return retries.get();
    }

    /** Micro-batches the store still refused after every attempt, quarantined whole, since it was built. */
    public long batchesFailed() {
        return batchesFailed.get();
    }

    /** Bars in {@link #batchesFailed()} batches. */
    public long rowsFailed() {
        return rowsFailed.get();
    }

    private void ingest(Exchange exchange) throws IOException {
        List<Bar> bars = new ArrayList<>();
        for (Object o : exchange.getIn().getBody(List.class)) {
            bars.add((Bar) o);
        }
        Map<InstrumentId, List<Bar>> bySymbol = new LinkedHashMap<>();
        for (Bar bar : bars) {
            bySymbol.computeIfAbsent(bar.instrument(), k -> new ArrayList<>()).add(bar);
        }
        List<BarBatch> batches = new ArrayList<>();
        for (List<Bar> symbolBars : bySymbol.values()) {
            batches.add(BarBatch.of(symbolBars, "live " + settings.subscription()));
        }
        long backoff = settings.backoffMillis();
        RuntimeException failure = null;
        boolean interrupted = false;
        int attempt = 0;
        while (attempt < settings.attempts()) {
            attempt++;
            try {
                stored(store.ingest(settings.dataset(), settings.barSize(), batches));
                return;
            } catch (RuntimeException e) {
                if (failure != null) {
                    e.addSuppressed(failure);
                }
                failure = e;
            }
            if (attempt == settings.attempts()) {
                break;
            }
            LOG.warn("live micro-batch of {} bars into {} refused (attempt {} of {}), tried again in {} ms: {}", bars.size(),
                    settings.dataset(), attempt, settings.attempts(), backoff, failure.getMessage());
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                // the context is stopping: quarantine now, with the interrupt restored after the files are written
                interrupted = true;
                break;
            }
            retries.incrementAndGet();
            backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
        }
        try {
            quarantine(bars, attempt, failure);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Writes a refused micro-batch's bars and the refusal beside the quality reports. */
    private void quarantine(List<Bar> bars, int attempts, RuntimeException failure) throws IOException {
        String batch = "live-failed-" + BATCH_TIME.format(Instant.now()) + "-" + (batchesFailed.get() + 1);
        Files.createDirectories(settings.reports());
        Path csv = settings.reports().resolve(batch + ".csv");
        try (BufferedWriter w = Files.newBufferedWriter(csv)) {
            w.write("symbol,end,open,high,low,close,volume\n");
            for (Bar b : bars) {
                w.write(ExportFormat.csvRow(b.instrument(), b.time(), b.open(), b.high(), b.low(), b.close(), b.volume()));
            }
        }
        Path report = settings.reports().resolve(batch + ".txt");
        Files.writeString(report, "live micro-batch of " + bars.size() + " bars refused by the store, not stored: dataset "
                + settings.dataset() + ", " + attempts + " attempt(s)\nlast error: " + failure + "\nbars: " + csv.getFileName()
                + "\n");
        batchesFailed.incrementAndGet();
        rowsFailed.addAndGet(bars.size());
        LOG.error("live micro-batch of {} bars into {} refused after {} attempt(s), quarantined to {}: {}", bars.size(),
                settings.dataset(), attempts, csv, failure.toString());
    }

    private void stored(IngestResult result) throws IOException {
        result.report().writeTo(settings.reports(), "live-");
        rowsStored.addAndGet(result.report().rowsStored());
        rowsQuarantined.addAndGet(result.report().rowsQuarantined());
        ingests.incrementAndGet();
        LOG.info("live micro-batch into {}: {} bars stored, {} quarantined (ingest {})", settings.dataset(),
                result.report().rowsStored(), result.report().rowsQuarantined(), result.ingestId());
    }
}
