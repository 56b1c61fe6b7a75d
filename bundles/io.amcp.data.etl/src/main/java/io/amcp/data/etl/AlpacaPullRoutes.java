package io.amcp.data.etl;

import io.amcp.api.model.Bar;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.spi.Clock;
import io.amcp.data.BarBatch;
import io.amcp.data.BarStore;
import io.amcp.data.IngestResult;
import io.amcp.datasource.alpaca.AlpacaMarketData;
import io.amcp.datasource.alpaca.BarTimeframe;
import io.amcp.datasource.file.BarSize;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled REST pull: a timer route that asks Alpaca's market data v2 for the bars of the
 * configured stocks since the last pull ({@link AlpacaMarketData} follows {@code next_page_token} and
 * waits out 429 responses per {@code Retry-After}), validates and stores them as one atomic ingest
 * (bad bars quarantined with their reason) and writes the pull's quality report
 * ({@code <reports>/alpaca-<ingest>.quality.txt}). The next pull starts at the end of the last bar
 * stored; a failed pull is retried from the same point on the next tick.
 */
public final class AlpacaPullRoutes extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(AlpacaPullRoutes.class);

    private final BarStore store;
    private final AlpacaMarketData alpaca;
    private final AlpacaPullSettings settings;
    private final AtomicReference<Instant> next;

    public AlpacaPullRoutes(BarStore store, AlpacaMarketData alpaca, AlpacaPullSettings settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.alpaca = Objects.requireNonNull(alpaca, "alpaca");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.next = new AtomicReference<>(settings.start());
    }

    /** The route id, {@code amcp-alpaca-pull-<dataset>}. */
    public String routeId() {
        return "amcp-alpaca-pull-" + settings.dataset();
    }

    /** The bar start the next pull asks from. */
    public Instant nextStart() {
        return next.get();
    }

    @Override
    public void configure() {
        onException(RuntimeException.class).logExhausted(false).logStackTrace(false);
        from("timer:" + routeId() + "?delay=0&period=" + settings.periodMillis()).routeId(routeId())
                .process(exchange -> pull());
    }

    /** One pull; public so that a shell command can run one now. Returns null when Alpaca had no new bars. */
    public synchronized IngestResult pull() throws IOException {
        Instant from = next.get();
        Map<InstrumentId, List<Bar>> bars;
        try {
            bars = alpaca.bars(settings.symbols(), timeframe(settings.barSize()), from, null);
        } catch (RuntimeException e) {
            LOG.warn("Alpaca pull from {} failed, retried on the next tick: {}", from, e.getMessage());
            throw e;
        }
        List<BarBatch> batches = new ArrayList<>();
        long last = Long.MIN_VALUE;
        for (Map.Entry<InstrumentId, List<Bar>> e : bars.entrySet()) {
            List<Bar> list = e.getValue();
            if (list.isEmpty()) {
                continue;
            }
            for (Bar b : list) {
                last = Math.max(last, b.time());
            }
            batches.add(BarBatch.of(list, "alpaca " + e.getKey() + " from " + from));
        }
        if (batches.isEmpty()) {
            return null;
        }
        IngestResult result = store.ingest(settings.dataset(), settings.barSize(), batches.iterator(), null);
        result.report().writeTo(settings.reports(), "alpaca-");
        next.set(Clock.toInstant(last));
        LOG.info("Alpaca pull from {}: {} bars stored, {} quarantined; next from {}", from, result.report().rowsStored(),
                result.report().rowsQuarantined(), next.get());
        return result;
    }

    private static BarTimeframe timeframe(BarSize size) {
        return switch (size) {
            case ONE_MINUTE -> BarTimeframe.ONE_MINUTE;
            case FIVE_MINUTES -> BarTimeframe.of("5Min");
            case FIFTEEN_MINUTES -> BarTimeframe.of("15Min");
            case ONE_HOUR -> BarTimeframe.of("1Hour");
            case ONE_DAY -> BarTimeframe.of("1Day");
        };
    }
}
