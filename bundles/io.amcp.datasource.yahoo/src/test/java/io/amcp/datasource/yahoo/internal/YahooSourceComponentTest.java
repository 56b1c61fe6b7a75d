package io.amcp.datasource.yahoo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.api.model.BarSeries;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.spi.DatasetProvider;
import io.amcp.api.spi.DataSourceHealth.FeedHealth;
import io.amcp.datasource.yahoo.CorporateEvent;
import io.amcp.datasource.yahoo.YahooChart;
import io.amcp.datasource.yahoo.YahooFinance;
import io.amcp.datasource.yahoo.YahooInterval;
import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The DS component's dataset ids and configuration checks, over a recording stand-in for the client. */
class YahooSourceComponentTest {

    private record Call(String kind, InstrumentId symbol, Instant from, Instant to, YahooInterval interval) {
    }

    /** Records what the component asks and answers with a one-bar chart. */
    private static final class RecordingYahoo implements YahooFinance {
        final List<Call> calls = new ArrayList<>();

        @Override
        public YahooChart chart(InstrumentId symbol, Instant from, Instant to, YahooInterval interval) {
            calls.add(new Call("chart", symbol, from, to, interval));
            return oneBar(symbol, interval);
        }

        @Override
        public YahooChart rawChart(InstrumentId symbol, Instant from, Instant to, YahooInterval interval) {
            calls.add(new Call("raw", symbol, from, to, interval));
            return oneBar(symbol, interval);
        }

        @Override
        public List<CorporateEvent> corporateActions(InstrumentId symbol, Instant from, Instant to) {
            return List.of();
        }

        @Override
        public FeedHealth health() {
            return new FeedHealth("chart", null, null, "", 0);
        }

        private static YahooChart oneBar(InstrumentId symbol, YahooInterval interval) {
            long p = FixedPoint.parse("100");
            return new YahooChart(symbol, "USD", ZoneId.of("America/New_York"), interval,
                    new BarSeries(Instrument.equity(symbol.value()), new long[] {1}, new long[] {p},
                            new long[] {p}, new long[] {p}, new long[] {p}, new long[] {0}),
                    new double[0], List.of());
        }
    }

    private static YahooConfig config(String interval, int lookbackDays, boolean splitAdjusted, String baseUrl) {
        return new YahooConfig() {
            @Override public Class<? extends Annotation> annotationType() { return YahooConfig.class; }
            @Override public String baseUrl() { return baseUrl; }
            @Override public String[] symbols() { return new String[] {"AAPL", " MSFT ", ""}; }
            @Override public String interval() { return interval; }
            @Override public int lookbackDays() { return lookbackDays; }
            @Override public boolean splitAdjusted() { return splitAdjusted; }
            @Override public int requestTimeoutSeconds() { return 10; }
            @Override public int maxAttempts() { return 4; }
            @Override public long initialBackoffMillis() { return 500; }
            @Override public long maxBackoffMillis() { return 8000; }
        };
    }

    private static final Instant NOW = Instant.parse("2024-01-31T00:00:00Z");

    @Test
    void configuredDatasetCoversTheLookbackForEverySymbol() {
        RecordingYahoo yahoo = new RecordingYahoo();
        YahooSourceComponent component = new YahooSourceComponent(config("1d", 30, true, "http://127.0.0.1:1"), yahoo,
                Clock.fixed(NOW, ZoneOffset.UTC));

        List<DatasetProvider.DatasetInfo> datasets = component.datasets();
        assertThat(datasets).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo("yahoo-1d");
            assertThat(d.barSize()).isEqualTo("1d");
            assertThat(d.symbols()).containsExactly("AAPL", "MSFT");
        });
        assertThat(component.load("yahoo-1d")).hasSize(2);
        assertThat(yahoo.calls).containsExactly(
                new Call("chart", InstrumentId.of("AAPL"), Instant.parse("2024-01-01T00:00:00Z"), NOW, YahooInterval.DAILY),
                new Call("chart", InstrumentId.of("MSFT"), Instant.parse("2024-01-01T00:00:00Z"), NOW, YahooInterval.DAILY));
    }

    @Test
    void adHocDatasetIdNamesSymbolsIntervalAndWindowAndAsTradedUsesRawBars() {
        RecordingYahoo yahoo = new RecordingYahoo();
        YahooSourceComponent component = new YahooSourceComponent(config("5m", 30, false, "http://127.0.0.1:1"), yahoo,
                Clock.fixed(NOW, ZoneOffset.UTC));

        component.load("yahoo:SPY:1h:2020-08-03:2020-08-05");

        assertThat(yahoo.calls).containsExactly(new Call("raw", InstrumentId.of("SPY"),
                Instant.parse("2020-08-03T00:00:00Z"), Instant.parse("2020-08-05T00:00:00Z"), YahooInterval.HOURLY));
    }

    @Test
    void badIdsAndSettingsAreNamed() {
        YahooSourceComponent component = new YahooSourceComponent(config("1d", 30, true, "http://127.0.0.1:1"),
                new RecordingYahoo(), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> component.load("aapl-2013")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dataset 'aapl-2013' is unknown; known: yahoo-1d");
        assertThatThrownBy(() -> component.load("yahoo:AAPL:1d:2020-13-01:2020-09-01"))
                .hasMessageContaining("from '2020-13-01' is not an ISO date");
        assertThatThrownBy(() -> component.load("yahoo:AAPL:2d:2020-08-01:2020-09-01"))
                .hasMessageContaining("interval: '2d' is not one of 1d, 1h, 5m, 1m");
        assertThatThrownBy(() -> new YahooSourceComponent(config("1d", 0, true, "http://127.0.0.1:1"), new RecordingYahoo(),
                Clock.systemUTC())).hasMessageContaining("lookbackDays: must be at least 1, was 0");
        assertThatThrownBy(() -> YahooSourceComponent.settings(config("1d", 1, true, "ftp://example.org")))
                .hasMessageContaining("baseUrl: must be an http(s) URL");
    }
}
