package io.amcp.samples.csvsource;

import io.amcp.api.model.Bar;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.spi.DataSource;
import io.amcp.api.spi.MarketDataSink;
import io.amcp.api.spi.PluginStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.FileComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Streams daily bars from CSV files dropped into a directory, through an Apache Camel file route:
 * <ul>
 * <li>a file {@code <SYMBOL>.csv} or {@code <SYMBOL>_<anything>.csv} in Yahoo Finance's layout is read
 * once it has stopped changing ({@code readLockMillis}), files in name order;</li>
 * <li>every row is checked before any bar is published; then its bars go to the sink in time
 * order, from Camel's consumer thread, and the file moves to {@code .done/};</li>
 * <li>a bad file publishes nothing and moves to {@code .error/}, beside {@code <file>.reason.txt}
 * naming the row and field at fault;</li>
 * <li>the route is idempotent on name, size and modification time: the same file dropped again is
 * skipped, a changed one is read.</li>
 * </ul>
 */
@Component(service = DataSource.class, configurationPid = "io.amcp.samples.csvsource",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = CsvDirectorySourceConfig.class, factory = true)
public final class CsvDirectorySource implements DataSource {

    /** Processed files go here, under the watched directory. */
    public static final String DONE = ".done";
    /** Rejected files and their reasons go here, under the watched directory. */
    public static final String ERROR = ".error";
    /** Suffix of the file that says why a file was rejected. */
    public static final String REASON_SUFFIX = ".reason.txt";

    private final String id;
    private final Path directory;
    private final List<InstrumentId> symbols;
    private final long pollMillis;
    private final long readLockMillis;
    private final YahooCsvParser parser;
    private CamelContext camel;
    private volatile PluginStatus status = PluginStatus.offline("not started");

    public CsvDirectorySource(String id, Path directory, List<InstrumentId> symbols, long pollMillis,
            long readLockMillis, LocalTime closeTime, ZoneId zone) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id: must not be blank");
        }
        Objects.requireNonNull(directory, "directory");
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("symbols: at least one symbol is needed");
        }
        if (pollMillis < 10) {
            throw new IllegalArgumentException("pollMillis: must be at least 10, was " + pollMillis);
        }
        if (readLockMillis < 10) {
            throw new IllegalArgumentException("readLockMillis: must be at least 10, was " + readLockMillis);
        }
        this.id = id;
        this.directory = directory.toAbsolutePath();
        this.symbols = List.copyOf(symbols);
        this.pollMillis = pollMillis;
        this.readLockMillis = readLockMillis;
        this.parser = new YahooCsvParser(closeTime, zone);
    }

    @Activate
    public CsvDirectorySource(CsvDirectorySourceConfig config) {
        this(config.id(), Path.of(config.directory()),
                Arrays.stream(config.symbols()).map(String::trim).map(InstrumentId::of).toList(),
                config.pollMillis(), config.readLockMillis(), closeTime(config.closeTime()), ZoneId.of(config.zone()));
    }

    private static LocalTime closeTime(String text) {
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("closeTime: not a time HH:mm: '" + text + "'", e);
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<Instrument> instruments() {
        return symbols.stream().map(Instrument::infer).toList();
    }

    @Override
    public synchronized void start(MarketDataSink sink) {
        Objects.requireNonNull(sink, "sink");
        if (camel != null) {
            throw new IllegalStateException("data source " + id + " is already started");
        }
        try {
            Files.createDirectories(directory.resolve(ERROR));
            DefaultCamelContext context = new DefaultCamelContext();
            context.setName("amcp-csv-" + id);
            // named explicitly rather than discovered from META-INF/services, which a bundle may not see
            context.addComponent("file", new FileComponent());
            context.start();
            // routes are added after the context has started (what works with Camel 3 inside Karaf)
            context.addRoutes(route(sink));
            camel = context;
            status = PluginStatus.ONLINE;
        } catch (Exception e) {
            status = PluginStatus.offline("cannot watch " + directory + ": " + e.getMessage());
        }
    }

    private RouteBuilder route(MarketDataSink sink) {
        String uri = "file:" + directory + "?include=.*\\.csv&sortBy=file:name"
                + "&delay=" + pollMillis
                + "&readLock=changed&readLockCheckInterval=" + Math.max(10, readLockMillis / 2)
                + "&readLockMinAge=" + readLockMillis
                + "&idempotent=true&idempotentKey=${file:name}-${file:size}-${file:modified}"
                + "&move=" + DONE + "&moveFailed=" + ERROR;
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("amcp-csv-" + id).process(exchange -> ingest(exchange, sink));
            }
        };
    }

    private void ingest(Exchange exchange, MarketDataSink sink) throws IOException {
        String fileName = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        try {
            InstrumentId instrument = symbolOf(fileName);
            List<Bar> bars = parser.parse(fileName, exchange.getIn().getBody(String.class), instrument);
            bars.forEach(sink::onBar);
        } catch (CsvRowException e) {
            Files.writeString(directory.resolve(ERROR).resolve(fileName + REASON_SUFFIX), e.getMessage() + "\n",
                    StandardCharsets.UTF_8);
            throw e;
        }
    }

    private InstrumentId symbolOf(String fileName) {
        String stem = fileName.substring(0, fileName.length() - ".csv".length());
        int cut = stem.indexOf('_');
        String symbol = (cut < 0 ? stem : stem.substring(0, cut)).toUpperCase(Locale.ROOT);
        for (InstrumentId known : symbols) {
            if (known.value().equals(symbol)) {
                return known;
            }
        }
        throw new CsvRowException(fileName, 0, "file name", "symbol '" + symbol + "' is not one of " + symbols);
    }

    @Override
    public synchronized void stop() {
        if (camel != null) {
            camel.stop();
            camel = null;
        }
        status = PluginStatus.offline("stopped");
    }

    @Override
    public PluginStatus status() {
        return status;
    }
}
