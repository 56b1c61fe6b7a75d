package io.amcp.datasource.alphavantage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.api.model.BarSeries;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.spi.CredentialStore;
import io.amcp.api.spi.DataSourceHealth.FeedHealth;
import io.amcp.datasource.alphavantage.AlphaVantage;
import io.amcp.datasource.alphavantage.Earnings;
import io.amcp.datasource.alphavantage.FinancialStatement;
import io.amcp.datasource.alphavantage.IndicatorRequest;
import io.amcp.datasource.alphavantage.IndicatorSeries;
import io.amcp.datasource.alphavantage.IntradayInterval;
import io.amcp.datasource.alphavantage.OutputSize;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The DS component's dataset ids and configuration checks, over a recording stand-in for the client. */
class AlphaVantageComponentTest {

    /** Records the bar calls and answers each with one bar. */
    private static final class RecordingAlphaVantage implements AlphaVantage {
        final List<String> calls = new ArrayList<>();

        @Override
        public BarSeries dailyBars(InstrumentId symbol, OutputSize size) {
            calls.add("daily " + symbol + " " + size.code());
            return oneBar(symbol);
        }

        @Override
        public BarSeries intradayBars(InstrumentId symbol, IntradayInterval interval, OutputSize size) {
            calls.add(interval.code() + " " + symbol + " " + size.code());
            return oneBar(symbol);
        }

        @Override
        public List<FinancialStatement> incomeStatements(InstrumentId symbol) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<FinancialStatement> balanceSheets(InstrumentId symbol) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Earnings earnings(InstrumentId symbol) {
            throw new UnsupportedOperationException();
        }

        @Override
        public IndicatorSeries indicator(InstrumentId symbol, IndicatorRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FeedHealth health() {
            return new FeedHealth("query", null, null, "", 0);
        }

        private static BarSeries oneBar(InstrumentId symbol) {
            long p = FixedPoint.parse("100");
            return new BarSeries(Instrument.equity(symbol.value()), new long[] {1}, new long[] {p}, new long[] {p},
                    new long[] {p}, new long[] {p}, new long[] {0});
        }
    }

    private static AlphaVantageConfig config(String outputSize, int requestsPerMinute, String baseUrl) {
        return new AlphaVantageConfig() {
            @Override public Class<? extends Annotation> annotationType() { return AlphaVantageConfig.class; }
            @Override public String baseUrl() { return baseUrl; }
            @Override public int requestsPerMinute() { return requestsPerMinute; }
            @Override public int maxQueueWaitSeconds() { return 30; }
            @Override public int requestTimeoutSeconds() { return 15; }
            @Override public int maxAttempts() { return 4; }
            @Override public long initialBackoffMillis() { return 2000; }
            @Override public long maxBackoffMillis() { return 20000; }
            @Override public String[] symbols() { return new String[] {"AAPL", "SPY"}; }
            @Override public String outputSize() { return outputSize; }
        };
    }

    @Test
    void datasetsLoadDailyOrIntradayBarsPerSymbol() {
        RecordingAlphaVantage client = new RecordingAlphaVantage();
        AlphaVantageComponent component = new AlphaVantageComponent(config("full", 5, "http://127.0.0.1:1"), client);

        assertThat(component.datasets()).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo("alphavantage-daily");
            assertThat(d.symbols()).containsExactly("AAPL", "SPY");
        });
        assertThat(component.load("alphavantage-daily")).hasSize(2);
        assertThat(component.load("alphavantage:MSFT:15min")).hasSize(1);
        assertThat(client.calls).containsExactly("daily AAPL full", "daily SPY full", "15min MSFT full");
    }

    @Test
    void badIdsAndSettingsAreNamed() {
        AlphaVantageComponent component = new AlphaVantageComponent(config("compact", 5, "http://127.0.0.1:1"),
                new RecordingAlphaVantage());

        assertThatThrownBy(() -> component.load("yahoo-1d")).hasMessageContaining("dataset 'yahoo-1d' is unknown");
        assertThatThrownBy(() -> component.load("alphavantage:AAPL:2min"))
                .hasMessageContaining("interval: '2min' is not one of 1min, 5min, 15min, 30min, 60min");
        assertThatThrownBy(() -> new AlphaVantageComponent(config("huge", 5, "http://127.0.0.1:1"), new RecordingAlphaVantage()))
                .hasMessageContaining("outputSize: expected compact or full, was 'huge'");
        assertThatThrownBy(() -> AlphaVantageComponent.settings(config("compact", 0, "http://127.0.0.1:1")))
                .hasMessageContaining("requestsPerMinute: must be at least 1, was 0");
        assertThatThrownBy(() -> AlphaVantageComponent.settings(config("compact", 5, "file:/tmp")))
                .hasMessageContaining("baseUrl: must be an http(s) URL");
    }

    @Test
    void activationWithoutCredentialStoreFallsBackToTheEnvironment() {
        AlphaVantageComponent component = new AlphaVantageComponent(config("compact", 5, "http://127.0.0.1:1"), (CredentialStore) null);

        assertThat(component.health()).isEqualTo(new FeedHealth("query", null, null, "", 0));
    }
}
