package io.amcp.datasource.yahoo;

import io.amcp.api.model.InstrumentId;
import io.amcp.api.spi.DataSourceHealth.FeedHealth;
import io.amcp.datasource.http.ResilientHttp;
import io.amcp.datasource.http.RetryPolicy;
import io.amcp.datasource.yahoo.internal.ChartParser;
import io.amcp.datasource.yahoo.internal.SplitAdjustment;
import io.amcp.datasource.yahoo.internal.YahooFailures;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Plain-Java client of the Yahoo Finance chart API
 * ({@code GET {baseUrl}/v8/finance/chart/{symbol}?period1=..&period2=..&interval=..&events=div,splits}),
 * usable without OSGi: {@code new YahooFinanceClient(YahooFinanceClient.Settings.DEFAULT)}.
 * Thread-safe; needs no API key.
 */
public final class YahooFinanceClient implements YahooFinance {

    /** Yahoo's public chart host. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://query1.finance.yahoo.com");

    /**
     * Connection settings.
     *
     * @param baseUrl        scheme, host and port (and optional path prefix) of the API
     * @param requestTimeout longest wait for one HTTP answer
     * @param retry          retry policy for network errors, time-outs, 429 and 5xx
     */
    public record Settings(URI baseUrl, Duration requestTimeout, RetryPolicy retry) {

        /** Yahoo's host, 10 s per request, {@link RetryPolicy#DEFAULT}. */
        public static final Settings DEFAULT = new Settings(DEFAULT_BASE_URL, Duration.ofSeconds(10), RetryPolicy.DEFAULT);

        public Settings {
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(requestTimeout, "requestTimeout");
            Objects.requireNonNull(retry, "retry");
            if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
                throw new IllegalArgumentException("baseUrl: must be an http(s) URL, was '" + baseUrl + "'");
            }
        }

        public static Settings of(URI baseUrl, Duration requestTimeout, RetryPolicy retry) {
            return new Settings(baseUrl, requestTimeout, retry);
        }
    }

    private static final String USER_AGENT = "Mozilla/5.0 (compatible; AMCP data source)";
    private static final String JSON = "application/json";

    private final String base;
    private final Clock clock;
    private final ResilientHttp<YahooFinanceException> http;

    public YahooFinanceClient(Settings settings) {
        this(settings, Clock.systemUTC(), ResilientHttp.Sleeper.REAL);
    }

    YahooFinanceClient(Settings settings, Clock clock, ResilientHttp.Sleeper sleeper) {
        Objects.requireNonNull(settings, "settings");
        String url = settings.baseUrl().toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = new ResilientHttp<>(ResilientHttp.Settings.of("chart", USER_AGENT, settings.requestTimeout(), settings.retry(),
                ResilientHttp.Throttle.NONE), new YahooFailures(), clock, sleeper);
    }

    @Override
    public YahooChart chart(InstrumentId symbol, Instant from, Instant to, YahooInterval interval) {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(interval, "interval");
        checkWindow(symbol, from, to);
        return http.get(symbol.value(), "chart " + interval.code() + " " + from + ".." + to,
                () -> chartUri(symbol, from, to, interval.code()), JSON,
                (status, body) -> ChartParser.parse(symbol, interval, status, body));
    }

    @Override
    public YahooChart rawChart(InstrumentId symbol, Instant from, Instant to, YahooInterval interval) {
        checkWindow(symbol, from, to);
        Instant now = clock.instant();
        YahooChart asServed = chart(symbol, from, now.isAfter(to) ? now : to, interval);
        return SplitAdjustment.unadjust(asServed, from, to);
    }

    @Override
    public List<CorporateEvent> corporateActions(InstrumentId symbol, Instant from, Instant to) {
        Objects.requireNonNull(symbol, "symbol");
        checkWindow(symbol, from, to);
        Instant now = clock.instant();
        Instant until = now.isAfter(to) ? now : to;
        // monthly bars keep the answer small: only the events are read
        ChartParser.Events all = http.get(symbol.value(), "corporate actions " + from + ".." + until,
                () -> chartUri(symbol, from, until, "1mo"), JSON, (status, body) -> ChartParser.parseEvents(symbol, status, body));
        return SplitAdjustment.unadjustEvents(all.events(), all.zone(), from, to);
    }

    @Override
    public FeedHealth health() {
        return http.health();
    }

    private URI chartUri(InstrumentId symbol, Instant from, Instant to, String interval) {
        return URI.create(base + "/v8/finance/chart/" + URLEncoder.encode(symbol.value(), StandardCharsets.UTF_8)
                + "?period1=" + from.getEpochSecond() + "&period2="
                + to.getEpochSecond() + "&interval=" + interval + "&events=div%2Csplits&includeAdjustedClose=true");
    }

    private static void checkWindow(InstrumentId symbol, Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from: must be before to for " + symbol + ", was " + from + " and " + to);
        }
    }
}
