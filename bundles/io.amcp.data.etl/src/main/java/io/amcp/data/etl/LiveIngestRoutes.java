package io.amcp.data.etl;

import io.amcp.api.model.Bar;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.spi.MarketDataHub;
import io.amcp.api.spi.MarketDataHub.DeliveryPolicy;
import io.amcp.api.spi.MarketDataSink;
import io.amcp.data.BarBatch;
import io.amcp.data.BarStore;
import io.amcp.data.IngestResult;
import java.io.IOException;
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
 */
public final class LiveIngestRoutes extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(LiveIngestRoutes.class);

    private final BarStore store;
    private final LiveIngestSettings settings;
    private final AtomicLong rowsStored = new AtomicLong();
    private final AtomicLong rowsQuarantined = new AtomicLong();
    private final AtomicLong ingests = new AtomicLong();

    public LiveIngestRoutes(BarStore store, LiveIngestSettings settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
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

    private void ingest(Exchange exchange) throws IOException {
        List<?> bars = exchange.getIn().getBody(List.class);
        Map<InstrumentId, List<Bar>> bySymbol = new LinkedHashMap<>();
        for (Object o : bars) {
            Bar bar = (Bar) o;
            bySymbol.computeIfAbsent(bar.instrument(), k -> new ArrayList<>()).add(bar);
        }
        List<BarBatch> batches = new ArrayList<>();
        for (List<Bar> symbolBars : bySymbol.values()) {
            batches.add(BarBatch.of(symbolBars, "live " + settings.subscription()));
        }
        IngestResult result = store.ingest(settings.dataset(), settings.barSize(), batches.iterator(), null);
        result.report().writeTo(settings.reports(), "live-");
        rowsStored.addAndGet(result.report().rowsStored());
        rowsQuarantined.addAndGet(result.report().rowsQuarantined());
        ingests.incrementAndGet();
        LOG.info("live micro-batch into {}: {} bars stored, {} quarantined (ingest {})", settings.dataset(),
                result.report().rowsStored(), result.report().rowsQuarantined(), result.ingestId());
    }
}
