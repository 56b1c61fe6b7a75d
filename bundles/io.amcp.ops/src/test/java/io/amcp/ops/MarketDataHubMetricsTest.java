package io.amcp.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.api.model.Bar;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.spi.MarketDataHub;
import io.amcp.api.spi.MarketDataSink;
import io.amcp.marketdata.MarketDataFanout;
import io.amcp.ops.internal.metrics.MarketDataHubMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Every hub subscriber's queue in the Prometheus scrape, read back with the strict text-format parser. */
class MarketDataHubMetricsTest {

    private static final InstrumentId AAPL = InstrumentId.of("AAPL");

    @Test
    void aStuckSubscribersDepthAndDropsAreScrapedAndItsRowsGoWhenItLeaves() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        MarketDataSink stuck = new MarketDataSink() {
            @Override
            public void onBar(Bar bar) {
                entered.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        try (MarketDataFanout hub = new MarketDataFanout()) {
            MarketDataHub.Subscription console = hub.subscribe("console", MarketDataHub.DeliveryPolicy.DROP_OLDEST, 2, stuck);
            MarketDataHubMetrics metrics = new MarketDataHubMetrics(registry, hub);
            hub.publish(bar(1));
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
            // bar 1 is in the sink; bars 2..5 meet a queue of 2: bars 2 and 3 are dropped, 4 and 5 wait
            for (int i = 2; i <= 5; i++) {
                hub.publish(bar(i));
            }
            metrics.refresh();

            PrometheusText scrape = PrometheusText.parse(registry.scrape());
            assertThat(scrape.value("amcp_marketdata_queue_depth", "subscriber", "console", "policy", "DROP_OLDEST")).isEqualTo(2.0);
            assertThat(scrape.value("amcp_marketdata_dropped_events", "subscriber", "console", "policy", "DROP_OLDEST")).isEqualTo(2.0);
            assertThat(scrape.value("amcp_marketdata_lag_seconds", "subscriber", "console", "policy", "DROP_OLDEST")).isPositive();

            release.countDown();
            console.close();
            metrics.refresh();
            assertThat(registry.scrape()).doesNotContain("subscriber=\"console\"");
        }
    }

    private static Bar bar(int minute) {
        return Bar.of(AAPL, minute * 60_000_000_000L, 100, 110, 99, 100 + minute, 1000);
    }
}
