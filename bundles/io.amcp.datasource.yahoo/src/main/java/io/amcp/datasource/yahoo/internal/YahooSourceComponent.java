package io.amcp.datasource.yahoo.internal;

import io.amcp.api.model.BarSeries;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.spi.DataSourceHealth;
import io.amcp.api.spi.DatasetProvider;
import io.amcp.datasource.http.RetryPolicy;
import io.amcp.datasource.yahoo.CorporateEvent;
import io.amcp.datasource.yahoo.YahooChart;
import io.amcp.datasource.yahoo.YahooFinance;
import io.amcp.datasource.yahoo.YahooFinanceClient;
import io.amcp.datasource.yahoo.YahooInterval;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The Yahoo Finance source as a service: {@link YahooFinance} (bars, corporate actions, health) and a
 * {@link DatasetProvider} with two kinds of dataset id:
 * <ul>
 *   <li>{@code yahoo-<interval>}: the configured symbols over the last {@code lookbackDays};</li>
 *   <li>{@code yahoo:SYM[,SYM...]:<interval>:<from>:<to>}: any symbols, ISO dates, {@code to}
 *       exclusive, e.g. {@code yahoo:AAPL,MSFT:1d:2020-08-01:2020-09-05}.</li>
 * </ul>
 */
@Component(service = {YahooFinance.class, DatasetProvider.class, DataSourceHealth.class}, configurationPid = "io.amcp.datasource.yahoo")
@Designate(ocd = YahooConfig.class)
public final class YahooSourceComponent implements YahooFinance, DatasetProvider, DataSourceHealth {

    private static final String PREFIX = "yahoo";

    private final YahooFinance client;
    private final List<InstrumentId> symbols;
    private final YahooInterval interval;
    private final Duration lookback;
    private final boolean splitAdjusted;
    private final Clock clock;

    @Activate
    public YahooSourceComponent(YahooConfig config) {
        this(config, new YahooFinanceClient(settings(config)), Clock.systemUTC());
    }

    YahooSourceComponent(YahooConfig config, YahooFinance client, Clock clock) {
        this.client = client;
        this.clock = clock;
        this.symbols = Arrays.stream(config.symbols()).map(String::trim).filter(s -> !s.isEmpty()).map(InstrumentId::of)
                .toList();
        this.interval = YahooInterval.ofCode(config.interval());
        if (config.lookbackDays() < 1) {
            throw new IllegalArgumentException("lookbackDays: must be at least 1, was " + config.lookbackDays());
        }
        this.lookback = Duration.ofDays(config.lookbackDays());
        this.splitAdjusted = config.splitAdjusted();
    }

    static YahooFinanceClient.Settings settings(YahooConfig config) {
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
        return YahooFinanceClient.Settings.of(baseUrl, Duration.ofSeconds(config.requestTimeoutSeconds()),
                RetryPolicy.of(config.maxAttempts(), Duration.ofMillis(config.initialBackoffMillis()),
                        Duration.ofMillis(config.maxBackoffMillis())));
    }

    @Override
    public YahooChart chart(InstrumentId symbol, Instant from, Instant to, YahooInterval barSize) {
        return client.chart(symbol, from, to, barSize);
    }

    @Override
    public YahooChart rawChart(InstrumentId symbol, Instant from, Instant to, YahooInterval barSize) {
        return client.rawChart(symbol, from, to, barSize);
    }

    @Override
    public List<CorporateEvent> corporateActions(InstrumentId symbol, Instant from, Instant to) {
        return client.corporateActions(symbol, from, to);
    }

    @Override
    public FeedHealth health() {
        return client.health();
    }

    @Override
    public String sourceId() {
        return "yahoo";
    }

    /** One feed: the chart API (all symbols share its health). */
    @Override
    public List<FeedHealth> feeds() {
        return List.of(client.health());
    }

    @Override
    public List<DatasetInfo> datasets() {
        return List.of(new DatasetInfo(configuredId(), "Yahoo Finance " + interval.code() + " bars of the last "
                + lookback.toDays() + " days" + (splitAdjusted ? ", split-adjusted" : ", as traded")
                + "; any window: yahoo:SYM,SYM:<1d|1h|5m|1m>:<from>:<to>", interval.code(),
                symbols.stream().map(InstrumentId::value).toList()));
    }

    @Override
    public List<BarSeries> load(String datasetId) {
        String id = datasetId == null ? "" : datasetId.trim();
        if (id.equals(configuredId())) {
            Instant to = clock.instant();
            return load(symbols, interval, to.minus(lookback), to);
        }
        if (!id.startsWith(PREFIX + ":")) {
            throw new IllegalArgumentException("dataset '" + datasetId + "' is unknown; known: " + configuredId()
                    + ", yahoo:SYM,SYM:<interval>:<from>:<to>");
        }
        String[] parts = id.split(":", -1);
        if (parts.length != 5) {
            throw new IllegalArgumentException("dataset '" + datasetId + "': expected yahoo:SYM,SYM:<interval>:<from>:<to>");
        }
        List<InstrumentId> wanted = Arrays.stream(parts[1].split(",")).map(String::trim).map(InstrumentId::of).toList();
        return load(wanted, YahooInterval.ofCode(parts[2]), day(datasetId, "from", parts[3]),
                day(datasetId, "to", parts[4]));
    }

    private List<BarSeries> load(List<InstrumentId> wanted, YahooInterval barSize, Instant from, Instant to) {
        List<BarSeries> out = new ArrayList<>();
        for (InstrumentId symbol : wanted) {
            YahooChart chart = splitAdjusted ? client.chart(symbol, from, to, barSize)
                    : client.rawChart(symbol, from, to, barSize);
            out.add(chart.bars());
        }
        return List.copyOf(out);
    }

    private String configuredId() {
        return PREFIX + "-" + interval.code();
    }

    private static Instant day(String datasetId, String field, String text) {
        try {
            return LocalDate.parse(text.trim()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("dataset '" + datasetId + "': " + field + " '" + text
                    + "' is not an ISO date (yyyy-mm-dd)", e);
        }
    }
}
