package io.amcp.datasource.alphavantage;

import io.amcp.api.model.BarSeries;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.spi.CredentialStore;
import io.amcp.api.spi.DataSourceHealth.FeedHealth;
import io.amcp.datasource.alphavantage.AlphaVantageException.Kind;
import io.amcp.datasource.alphavantage.internal.AlphaVantageFailures;
import io.amcp.datasource.alphavantage.internal.RateLimiter;
import io.amcp.datasource.alphavantage.internal.ResponseParser;
import io.amcp.datasource.http.ResilientHttp;
import io.amcp.datasource.http.RetryPolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Plain-Java client of Alpha Vantage ({@code GET {baseUrl}/query?function=...&symbol=...&apikey=...}),
 * usable without OSGi:
 * {@code new AlphaVantageClient(Settings.DEFAULT, AlphaVantageClient.apiKeyFrom(null))}. Thread-safe;
 * all threads share one rate limiter.
 */
public final class AlphaVantageClient implements AlphaVantage {

    /** Alpha Vantage's host. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://www.alphavantage.co");
    /** Name of the API key in the {@link CredentialStore}. */
    public static final String API_KEY_CREDENTIAL = "alphavantage.api-key";
    /** Environment variable read when the credential store has no key. */
    public static final String API_KEY_ENVIRONMENT = "ALPHAVANTAGE_API_KEY";

    /**
     * Connection settings (the API key is passed separately so that it never shows in a
     * {@code toString()}).
     *
     * @param baseUrl           scheme, host and port of the API
     * @param requestTimeout    longest wait for one HTTP answer
     * @param retry             retries of throttled answers, network errors, time-outs, 429 and 5xx
     * @param requestsPerMinute client-side limit, requests spaced evenly (free keys: 5)
     * @param maxQueueWait      longest wait for a limiter slot before failing as {@link Kind#THROTTLED}
     */
    public record Settings(URI baseUrl, Duration requestTimeout, RetryPolicy retry, int requestsPerMinute,
            Duration maxQueueWait) {

        /** Alpha Vantage's host, 15 s per request, 4 attempts from 2 s doubling to 20 s, 5 requests a minute, 30 s queue. */
        public static final Settings DEFAULT = new Settings(DEFAULT_BASE_URL, Duration.ofSeconds(15),
                RetryPolicy.of(4, Duration.ofSeconds(2), Duration.ofSeconds(20)), 5, Duration.ofSeconds(30));

        public Settings {
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(requestTimeout, "requestTimeout");
            Objects.requireNonNull(retry, "retry");
            Objects.requireNonNull(maxQueueWait, "maxQueueWait");
            if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
                throw new IllegalArgumentException("baseUrl: must be an http(s) URL, was '" + baseUrl + "'");
            }
            if (requestsPerMinute < 1) {
                throw new IllegalArgumentException("requestsPerMinute: must be at least 1, was " + requestsPerMinute);
            }
        }

        public static Settings of(URI baseUrl, Duration requestTimeout, RetryPolicy retry, int requestsPerMinute,
                Duration maxQueueWait) {
            return new Settings(baseUrl, requestTimeout, retry, requestsPerMinute, maxQueueWait);
        }
    }

    private static final String USER_AGENT = "Mozilla/5.0 (compatible; AMCP data source)";

    private final String base;
    private final Supplier<Optional<String>> apiKey;
    private final ResilientHttp<AlphaVantageException> http;

    /**
     * @param settings connection settings
     * @param apiKey   asked before every request (so a rotated key is picked up); see {@link #apiKeyFrom}
     */
    public AlphaVantageClient(Settings settings, Supplier<Optional<String>> apiKey) {
        this(settings, apiKey, Clock.systemUTC(), System::nanoTime, ResilientHttp.Sleeper.REAL);
    }

    AlphaVantageClient(Settings settings, Supplier<Optional<String>> apiKey, Clock clock, LongSupplier nanoTime,
            ResilientHttp.Sleeper sleeper) {
        Objects.requireNonNull(settings, "settings");
        String url = settings.baseUrl().toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        RateLimiter limiter = new RateLimiter(settings.requestsPerMinute(), settings.maxQueueWait(), nanoTime);
        this.http = new ResilientHttp<>(ResilientHttp.Settings.of("query", USER_AGENT, settings.requestTimeout(),
                settings.retry(), limiter::reserve), new AlphaVantageFailures(), clock, sleeper);
    }

    /**
     * The key from {@code store} (may be null) under {@value #API_KEY_CREDENTIAL}, else from the
     * environment variable {@value #API_KEY_ENVIRONMENT}.
     */
    public static Supplier<Optional<String>> apiKeyFrom(CredentialStore store) {
        return apiKeyFrom(store, System::getenv);
    }

    static Supplier<Optional<String>> apiKeyFrom(CredentialStore store, Function<String, String> environment) {
        return () -> {
            Optional<String> stored = store == null ? Optional.empty() : store.secret(API_KEY_CREDENTIAL);
            return stored.filter(k -> !k.isBlank())
                    .or(() -> Optional.ofNullable(environment.apply(API_KEY_ENVIRONMENT)).filter(k -> !k.isBlank()));
        };
    }

    @Override
    public BarSeries dailyBars(InstrumentId symbol, OutputSize size) {
        Objects.requireNonNull(size, "size");
        return call(symbol, "TIME_SERIES_DAILY", Map.of("outputsize", size.code()),
                (status, body) -> ResponseParser.dailyBars(symbol, body, status));
    }

    @Override
    public BarSeries intradayBars(InstrumentId symbol, IntradayInterval interval, OutputSize size) {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(size, "size");
        return call(symbol, "TIME_SERIES_INTRADAY", Map.of("interval", interval.code(), "outputsize", size.code()),
                (status, body) -> ResponseParser.intradayBars(symbol, interval, body, status));
    }

    @Override
    public List<FinancialStatement> incomeStatements(InstrumentId symbol) {
        return call(symbol, "INCOME_STATEMENT", Map.of(), (status, body) -> ResponseParser.statements(symbol,
                FinancialStatement.Kind.INCOME_STATEMENT, body, status));
    }

    @Override
    public List<FinancialStatement> balanceSheets(InstrumentId symbol) {
        return call(symbol, "BALANCE_SHEET", Map.of(), (status, body) -> ResponseParser.statements(symbol,
                FinancialStatement.Kind.BALANCE_SHEET, body, status));
    }

    @Override
    public Earnings earnings(InstrumentId symbol) {
        return call(symbol, "EARNINGS", Map.of(), (status, body) -> ResponseParser.earnings(symbol, body, status));
    }

    @Override
    public IndicatorSeries indicator(InstrumentId symbol, IndicatorRequest request) {
        Objects.requireNonNull(request, "request");
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("interval", request.interval());
        if (request.timePeriod() > 0) {
            parameters.put("time_period", Integer.toString(request.timePeriod()));
        }
        if (!request.seriesType().isEmpty()) {
            parameters.put("series_type", request.seriesType());
        }
        return call(symbol, request.function(), parameters,
                (status, body) -> ResponseParser.indicator(symbol, request, body, status));
    }

    @Override
    public FeedHealth health() {
        return http.health();
    }

    private <T> T call(InstrumentId symbol, String function, Map<String, String> parameters,
            ResilientHttp.Interpreter<T> interpreter) {
        Objects.requireNonNull(symbol, "symbol");
        return http.get(symbol.value(), function, () -> uri(symbol, function, parameters), "application/json", interpreter);
    }

    private URI uri(InstrumentId symbol, String function, Map<String, String> parameters) {
        String key = apiKey.get().orElseThrow(() -> new AlphaVantageException(symbol.value(), function,
                Kind.MISSING_API_KEY, "missing credential '" + API_KEY_CREDENTIAL + "': store it in the credential vault"
                        + " (amcp:credential-set " + API_KEY_CREDENTIAL + " <value>) or set the environment variable "
                        + API_KEY_ENVIRONMENT));
        StringBuilder query = new StringBuilder(base).append("/query?function=").append(function).append("&symbol=")
                .append(encode(symbol.value()));
        parameters.forEach((name, value) -> query.append('&').append(name).append('=').append(encode(value)));
        return URI.create(query.append("&datatype=json&apikey=").append(encode(key)).toString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
