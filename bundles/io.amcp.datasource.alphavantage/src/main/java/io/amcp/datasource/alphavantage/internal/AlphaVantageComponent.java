package io.amcp.datasource.alphavantage.internal;

import io.amcp.api.model.BarSeries;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.spi.CredentialStore;
import io.amcp.api.spi.DataSourceHealth;
import io.amcp.api.spi.DatasetProvider;
import io.amcp.datasource.alphavantage.AlphaVantage;
import io.amcp.datasource.alphavantage.AlphaVantageClient;
import io.amcp.datasource.alphavantage.Earnings;
import io.amcp.datasource.alphavantage.FinancialStatement;
import io.amcp.datasource.alphavantage.IndicatorRequest;
import io.amcp.datasource.alphavantage.IndicatorSeries;
import io.amcp.datasource.alphavantage.IntradayInterval;
import io.amcp.datasource.alphavantage.OutputSize;
import io.amcp.datasource.http.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The Alpha Vantage source as a service: {@link AlphaVantage} and a {@link DatasetProvider} with
 * dataset ids {@code alphavantage-daily} (the configured symbols) and
 * {@code alphavantage:SYM[,SYM...]:<daily|1min|5min|15min|30min|60min>}. The API key comes from the
 * {@link CredentialStore} when one is registered, else from {@code ALPHAVANTAGE_API_KEY}.
 */
@Component(service = {AlphaVantage.class, DatasetProvider.class, DataSourceHealth.class}, configurationPid = "io.amcp.datasource.alphavantage")
@Designate(ocd = AlphaVantageConfig.class)
public final class AlphaVantageComponent implements AlphaVantage, DatasetProvider, DataSourceHealth {

    private static final String PREFIX = "alphavantage";
    private static final String DAILY = "daily";

    private final AlphaVantage client;
    private final List<InstrumentId> symbols;
    private final OutputSize outputSize;

    @Activate
    public AlphaVantageComponent(AlphaVantageConfig config,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            CredentialStore credentials) {
        this(config, new AlphaVantageClient(settings(config), AlphaVantageClient.apiKeyFrom(credentials)));
    }

    AlphaVantageComponent(AlphaVantageConfig config, AlphaVantage client) {
        this.client = client;
        this.symbols = Arrays.stream(config.symbols()).map(String::trim).filter(s -> !s.isEmpty()).map(InstrumentId::of)
                .toList();
        this.outputSize = outputSize(config.outputSize());
    }

    static AlphaVantageClient.Settings settings(AlphaVantageConfig config) {
        URI baseUrl;
        try {
            baseUrl = URI.create(config.baseUrl().trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("baseUrl: not a URL: '" + config.baseUrl() + "'", e);
        }
        if (config.requestTimeoutSeconds() < 1) {
            throw new IllegalArgumentException("requestTimeoutSeconds: must be at least 1, was "
                    + config.requestTimeoutSeconds());
        }
        if (config.maxQueueWaitSeconds() < 0) {
            throw new IllegalArgumentException("maxQueueWaitSeconds: must not be negative, was "
                    + config.maxQueueWaitSeconds());
        }
        return AlphaVantageClient.Settings.of(baseUrl, Duration.ofSeconds(config.requestTimeoutSeconds()),
                RetryPolicy.of(config.maxAttempts(), Duration.ofMillis(config.initialBackoffMillis()),
                        Duration.ofMillis(config.maxBackoffMillis())),
                config.requestsPerMinute(), Duration.ofSeconds(config.maxQueueWaitSeconds()));
    }

    private static OutputSize outputSize(String text) {
        try {
            return OutputSize.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("outputSize: expected compact or full, was '" + text + "'", e);
        }
    }

    @Override
    public BarSeries dailyBars(InstrumentId symbol, OutputSize size) {
        return client.dailyBars(symbol, size);
    }

    @Override
    public BarSeries intradayBars(InstrumentId symbol, IntradayInterval interval, OutputSize size) {
        return client.intradayBars(symbol, interval, size);
    }

    @Override
    public List<FinancialStatement> incomeStatements(InstrumentId symbol) {
        return client.incomeStatements(symbol);
    }

    @Override
    public List<FinancialStatement> balanceSheets(InstrumentId symbol) {
        return client.balanceSheets(symbol);
    }

    @Override
    public Earnings earnings(InstrumentId symbol) {
        return client.earnings(symbol);
    }

    @Override
    public IndicatorSeries indicator(InstrumentId symbol, IndicatorRequest request) {
        return client.indicator(symbol, request);
    }

    @Override
    public FeedHealth health() {
        return client.health();
    }

    @Override
    public String sourceId() {
        return "alphavantage";
    }

    /** One feed: the query API (bars, fundamentals and indicators share its rate limit and health). */
    @Override
    public List<FeedHealth> feeds() {
        return List.of(client.health());
    }

    @Override
    public List<DatasetInfo> datasets() {
        return List.of(new DatasetInfo(PREFIX + "-" + DAILY, "Alpha Vantage daily bars as traded (" + outputSize.code()
                + "); any symbols: alphavantage:SYM,SYM:<daily|1min|5min|15min|30min|60min>", "1d",
                symbols.stream().map(InstrumentId::value).toList()));
    }

    @Override
    public List<BarSeries> load(String datasetId) {
        String id = datasetId == null ? "" : datasetId.trim();
        if (id.equals(PREFIX + "-" + DAILY)) {
            return load(symbols, DAILY);
        }
        String[] parts = id.split(":", -1);
        if (parts.length != 3 || !parts[0].equals(PREFIX)) {
            throw new IllegalArgumentException("dataset '" + datasetId + "' is unknown; known: " + PREFIX + "-" + DAILY
                    + ", alphavantage:SYM,SYM:<daily|1min|5min|15min|30min|60min>");
        }
        return load(Arrays.stream(parts[1].split(",")).map(String::trim).map(InstrumentId::of).toList(), parts[2]);
    }

    private List<BarSeries> load(List<InstrumentId> wanted, String interval) {
        IntradayInterval intraday = interval.equals(DAILY) ? null : IntradayInterval.ofCode(interval);
        List<BarSeries> out = new ArrayList<>();
        for (InstrumentId symbol : wanted) {
            out.add(intraday == null ? client.dailyBars(symbol, outputSize)
                    : client.intradayBars(symbol, intraday, outputSize));
        }
        return List.copyOf(out);
    }
}
