package io.amcp.datasource.file;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.amcp.api.model.BarSeries;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.TradeTick;
import io.amcp.api.spi.DatasetProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The datasets that need no network: real market data shipped inside this bundle (unpacked at build
 * time from the {@code org.ta4j:ta4j-examples} artifact), the synthetic generator, and optionally
 * every {@code *.csv} file of a directory. Usable without OSGi: {@code new BundledDatasets()}.
 *
 * <table>
 *   <caption>Dataset ids</caption>
 *   <tr><td>{@value #AAPL_2013}</td><td>AAPL (equity) daily bars of 2013, 252 sessions; a bar ends at
 *       the session close on the NYSE calendar (16:00 America/New_York).</td></tr>
 *   <tr><td>{@value #BTC_BITSTAMP}</td><td>BTC/USD (crypto) 5-minute bars aggregated from 100,000 Bitstamp
 *       trades of 2013-11-25 to 2013-12-01; buckets without trades have no bar.</td></tr>
 *   <tr><td>{@value #ETH_5MIN}</td><td>ETH/USD (crypto) 5-minute bars from Binance US, 2023-03-13 to 15.</td></tr>
 *   <tr><td>{@value #SYNTHETIC}</td><td>{@link SyntheticSpec#DEFAULT}; {@code synthetic:key=value,...}
 *       sets parameters, see {@link SyntheticSpec#parse(String)}.</td></tr>
 *   <tr><td>file name without {@code .csv}</td><td>a CSV file of the directory given to
 *       {@link #BundledDatasets(Path)}, read by {@link CsvBarImporter}; the upper-cased name is the
 *       symbol (a name such as {@code spy} gives equity SPY).</td></tr>
 * </table>
 */
public final class BundledDatasets implements DatasetProvider {

    public static final String AAPL_2013 = "aapl-2013";
    public static final String BTC_BITSTAMP = "btc-bitstamp";
    public static final String ETH_5MIN = "eth-5min";
    public static final String SYNTHETIC = "synthetic";

    /** Bar size of {@value #BTC_BITSTAMP}. */
    public static final Duration BITSTAMP_BAR = Duration.ofMinutes(5);

    static final String AAPL_FILE = "appleinc_bars_from_20130101_usd.csv";
    static final String BITSTAMP_FILE = "bitstamp_trades_from_20131125_usd.csv";
    static final String ETH_FILE = "ETH-USD-PT5M-2023-3-13_2023-3-15.json";

    private static final Logger LOG = LoggerFactory.getLogger(BundledDatasets.class);
    private static final String SYNTHETIC_PREFIX = SYNTHETIC + ":";
    private static final JsonFactory JSON = new JsonFactory();

    private final Map<String, Path> csvFiles = new TreeMap<>();
    private final Map<String, List<BarSeries>> cache = new ConcurrentHashMap<>();
    private final CsvBarImporter importer = new CsvBarImporter();

    /** The bundled and synthetic datasets. */
    public BundledDatasets() {
    }

    /**
     * The bundled and synthetic datasets plus every {@code *.csv} file in {@code csvDirectory}
     * (id = file name without the extension; a name clashing with a bundled id is skipped).
     */
    public BundledDatasets(Path csvDirectory) {
        Objects.requireNonNull(csvDirectory, "csvDirectory");
        if (!Files.isDirectory(csvDirectory)) {
            throw new IllegalArgumentException("csvDirectory: not a directory: " + csvDirectory);
        }
        try (Stream<Path> files = Files.list(csvDirectory)) {
            files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                    .filter(Files::isRegularFile)
                    .forEach(this::register);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + csvDirectory + ": " + e.getMessage(), e);
        }
    }

    private void register(Path file) {
        String name = file.getFileName().toString();
        String id = name.substring(0, name.length() - ".csv".length());
        if (isBuiltIn(id)) {
            LOG.warn("CSV dataset {} skipped: its id clashes with a bundled dataset", file);
            return;
        }
        csvFiles.put(id, file);
    }

    private static boolean isBuiltIn(String id) {
        return id.equals(AAPL_2013) || id.equals(BTC_BITSTAMP) || id.equals(ETH_5MIN) || id.equals(SYNTHETIC)
                || id.startsWith(SYNTHETIC_PREFIX);
    }

    @Override
    public List<DatasetInfo> datasets() {
        List<DatasetInfo> out = new ArrayList<>();
        out.add(new DatasetInfo(AAPL_2013, "Apple Inc. daily bars of 2013 (real, from ta4j-examples)", "1d",
                List.of("AAPL")));
        out.add(new DatasetInfo(BTC_BITSTAMP, "BTC/USD 5-minute bars aggregated from 100,000 real Bitstamp trades, "
                + "2013-11-25 to 2013-12-01 (from ta4j-examples)", "5m", List.of("BTC/USD")));
        out.add(new DatasetInfo(ETH_5MIN, "ETH/USD 5-minute bars from Binance US, 2023-03-13 to 2023-03-15 "
                + "(real, from ta4j-examples)", "5m", List.of("ETH/USD")));
        SyntheticSpec spec = SyntheticSpec.DEFAULT;
        out.add(new DatasetInfo(SYNTHETIC, "Synthetic jump-diffusion bars (" + spec.toParameters()
                + "); parameterise as synthetic:symbols=5,years=2,bar=1m,seed=42", spec.barSize().label(),
                new SyntheticBarGenerator(spec).instruments().stream().map(i -> i.id().value()).toList()));
        csvFiles.forEach((id, file) -> out.add(new DatasetInfo(id, "CSV file " + file, csvBarSize(file),
                List.of(csvSymbol(id)))));
        return List.copyOf(out);
    }

    @Override
    public List<BarSeries> load(String datasetId) {
        Objects.requireNonNull(datasetId, "datasetId");
        String id = datasetId.trim();
        if (id.equals(SYNTHETIC) || id.startsWith(SYNTHETIC_PREFIX)) {
            String parameters = id.equals(SYNTHETIC) ? "" : id.substring(SYNTHETIC_PREFIX.length());
            return new SyntheticBarGenerator(SyntheticSpec.parse(parameters)).generate();
        }
        return cache.computeIfAbsent(id, this::loadUncached);
    }

    private List<BarSeries> loadUncached(String id) {
        switch (id) {
            case AAPL_2013:
                return List.of(aapl());
            case BTC_BITSTAMP:
                return List.of(bitstampBars());
            case ETH_5MIN:
                return List.of(eth());
            default:
                Path file = csvFiles.get(id);
                if (file == null) {
                    throw new IllegalArgumentException("dataset '" + id + "' is unknown; known: " + String.join(", ",
                            datasets().stream().map(DatasetInfo::id).toList()) + ", synthetic:<parameters>");
                }
                return List.of(importer.read(file, Instrument.infer(InstrumentId.of(csvSymbol(id)))));
        }
    }

    /** The 100,000 real Bitstamp BTC/USD trades (2013-11-25 to 2013-12-01) in time order. */
    public List<TradeTick> bitstampTrades() {
        Trades trades = readBitstamp();
        InstrumentId btc = InstrumentId.of("BTC/USD");
        List<TradeTick> out = new ArrayList<>(trades.size);
        for (int i = 0; i < trades.size; i++) {
            out.add(new TradeTick(btc, trades.seconds[i] * 1_000_000_000L, trades.price[i], trades.amount[i], null));
        }
        return out;
    }

    private BarSeries aapl() {
        try (InputStream in = open(AAPL_FILE)) {
            return importer.read(new InputStreamReader(in, StandardCharsets.UTF_8), AAPL_FILE, Instrument.equity("AAPL"),
                    null);
        } catch (IOException e) {
            throw new UncheckedIOException(AAPL_FILE + ": " + e.getMessage(), e);
        }
    }

    private BarSeries bitstampBars() {
        Trades trades = readBitstamp();
        long bucketSeconds = BITSTAMP_BAR.toSeconds();
        SeriesBuilder bars = new SeriesBuilder(Instrument.crypto("BTC/USD"), 2048);
        int i = 0;
        while (i < trades.size) {
            long bucket = Math.floorDiv(trades.seconds[i], bucketSeconds);
            long open = trades.price[i];
            long high = open;
            long low = open;
            long close = open;
            long volume = 0;
            while (i < trades.size && Math.floorDiv(trades.seconds[i], bucketSeconds) == bucket) {
                long p = trades.price[i];
                high = Math.max(high, p);
                low = Math.min(low, p);
                close = p;
                volume = Math.addExact(volume, trades.amount[i]);
                i++;
            }
            bars.add((bucket + 1) * bucketSeconds * 1_000_000_000L, open, high, low, close, volume);
        }
        return bars.build();
    }

    private Trades readBitstamp() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(BITSTAMP_FILE), StandardCharsets.UTF_8))) {
            return Trades.parse(reader, BITSTAMP_FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(BITSTAMP_FILE + ": " + e.getMessage(), e);
        }
    }

    /** Columns of parsed trades: epoch seconds, raw price, raw amount. */
    private static final class Trades {
        long[] seconds = new long[100_000];
        long[] price = new long[100_000];
        long[] amount = new long[100_000];
        int size;

        static Trades parse(BufferedReader reader, String source) throws IOException {
            String header = reader.readLine();
            if (header == null || !header.trim().equals("timestamp,price,amount")) {
                throw new DatasetFormatException(source, 1, "", "expected header timestamp,price,amount, was '" + header + "'");
            }
            Trades t = new Trades();
            long lineNumber = 1;
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != 3) {
                    throw new DatasetFormatException(source, lineNumber, "", "expected 3 columns, found " + f.length);
                }
                long second;
                try {
                    second = Long.parseLong(f[0].trim());
                } catch (NumberFormatException e) {
                    throw new DatasetFormatException(source, lineNumber, "timestamp", "not epoch seconds: '" + f[0] + "'");
                }
                if (t.size > 0 && second < t.seconds[t.size - 1]) {
                    throw new DatasetFormatException(source, lineNumber, "timestamp", "before the previous trade");
                }
                t.add(second, Fields.price(f[1], source, lineNumber, "price"),
                        Fields.volume(f[2], source, lineNumber, "amount"));
            }
            return t;
        }

        void add(long second, long p, long a) {
            if (size == seconds.length) {
                seconds = Arrays.copyOf(seconds, size * 2);
                price = Arrays.copyOf(price, size * 2);
                amount = Arrays.copyOf(amount, size * 2);
            }
            seconds[size] = second;
            price[size] = p;
            amount[size] = a;
            size++;
        }
    }

    private BarSeries eth() {
        try (InputStream in = open(ETH_FILE)) {
            return readJsonBars(in, ETH_FILE, Instrument.crypto("ETH/USD"));
        } catch (IOException e) {
            throw new UncheckedIOException(ETH_FILE + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads ta4j's JSON bar layout: {@code {"name": ..., "ohlc": [{"endTime": epochMillis, "openPrice",
     * "highPrice", "lowPrice", "closePrice", "volume", "amount"}, ...]}}. {@code endTime} is the bar's
     * last millisecond (e.g. ...04:59.999); the bar's time is the millisecond after it, the exclusive end.
     */
    static BarSeries readJsonBars(InputStream in, String source, Instrument instrument) throws IOException {
        SeriesBuilder bars = new SeriesBuilder(instrument, 1024);
        try (JsonParser p = JSON.createParser(in)) {
            expect(p, p.nextToken(), JsonToken.START_OBJECT, source, "");
            boolean sawBars = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("ohlc")) {
                    expect(p, value, JsonToken.START_ARRAY, source, "ohlc");
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        readJsonBar(p, source, bars);
                    }
                    expect(p, p.currentToken(), JsonToken.END_ARRAY, source, "ohlc");
                    sawBars = true;
                } else {
                    p.skipChildren();
                }
            }
            if (!sawBars) {
                throw new DatasetFormatException(source, p.currentLocation().getLineNr(), "ohlc", "missing");
            }
        } catch (JsonParseException e) {
            throw new DatasetFormatException(source, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "",
                    "malformed JSON: " + e.getOriginalMessage());
        }
        return bars.build();
    }

    private static final String[] JSON_FIELDS = {"endTime", "openPrice", "highPrice", "lowPrice", "closePrice", "volume"};

    private static void readJsonBar(JsonParser p, String source, SeriesBuilder bars) throws IOException {
        long line = p.currentLocation().getLineNr();
        String[] text = new String[JSON_FIELDS.length];
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            int index = Arrays.asList(JSON_FIELDS).indexOf(field);
            if (index < 0) {
                p.skipChildren();
                continue;
            }
            if (!value.isNumeric()) {
                throw new DatasetFormatException(source, p.currentLocation().getLineNr(), field,
                        "expected a number, was " + (value.isScalarValue() ? "'" + p.getText() + "'" : value));
            }
            text[index] = p.getText();
        }
        for (int i = 0; i < JSON_FIELDS.length; i++) {
            if (text[i] == null) {
                throw new DatasetFormatException(source, line, JSON_FIELDS[i], "missing in the bar starting here");
            }
        }
        long endMillis;
        try {
            endMillis = Long.parseLong(text[0]);
        } catch (NumberFormatException e) {
            throw new DatasetFormatException(source, line, "endTime", "not epoch milliseconds: '" + text[0] + "'");
        }
        long open = Fields.price(text[1], source, line, "openPrice");
        long high = Fields.price(text[2], source, line, "highPrice");
        long low = Fields.price(text[3], source, line, "lowPrice");
        long close = Fields.price(text[4], source, line, "closePrice");
        long volume = Fields.volume(text[5], source, line, "volume");
        Fields.checkOhlc(open, high, low, close, source, line);
        long time = (endMillis + 1) * 1_000_000L;
        if (bars.size() > 0 && time <= bars.lastTime()) {
            throw new DatasetFormatException(source, line, "endTime", "not after the previous bar's");
        }
        bars.add(time, open, high, low, close, volume);
    }

    private static void expect(JsonParser p, JsonToken actual, JsonToken expected, String source, String field) {
        if (actual != expected) {
            throw new DatasetFormatException(source, p.currentLocation().getLineNr(), field,
                    "expected " + expected + ", found " + actual);
        }
    }

    private static InputStream open(String file) {
        InputStream in = BundledDatasets.class.getResourceAsStream("/datasets/" + file);
        if (in == null) {
            throw new IllegalStateException("bundled dataset file datasets/" + file + " is missing from the class "
                    + "path (it is unpacked from org.ta4j:ta4j-examples in the generate-resources phase)");
        }
        return in;
    }

    private static String csvSymbol(String id) {
        return id.toUpperCase(Locale.ROOT);
    }

    private static String csvBarSize(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null || CsvBarImporter.detect(header, file.getFileName().toString()) == CsvBarImporter.Format.YAHOO) {
                return "1d";
            }
            String first = reader.readLine();
            String second = reader.readLine();
            if (first == null || second == null) {
                return "unknown";
            }
            int t = Arrays.asList(header.toLowerCase(Locale.ROOT).split(",")).indexOf("t");
            Duration gap = Duration.between(OffsetDateTime.parse(first.split(",")[t].trim()),
                    OffsetDateTime.parse(second.split(",")[t].trim()));
            return gap.toDays() >= 1 ? "1d" : gap.toHours() >= 1 && gap.toMinutesPart() == 0 ? gap.toHours() + "h"
                    : gap.toMinutes() + "m";
        } catch (IOException | RuntimeException e) {
            return "unreadable: " + e.getMessage();
        }
    }
}
