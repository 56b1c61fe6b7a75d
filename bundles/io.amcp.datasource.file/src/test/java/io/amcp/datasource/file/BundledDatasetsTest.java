package io.amcp.datasource.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.api.model.AssetClass;
import io.amcp.api.model.BarSeries;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.TradeTick;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.DatasetProvider.DatasetInfo;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Expected values were read by hand from the raw files inside org.ta4j:ta4j-examples:0.18
 * ({@code unzip -p ta4j-examples-0.18.jar <file> | head/tail}); the Bitstamp 5-minute buckets were
 * summed with Python's {@code decimal} module from the same CSV.
 */
class BundledDatasetsTest {

    private final BundledDatasets datasets = new BundledDatasets();

    @Test
    void aapl2013MatchesTheFirstAndLastRowsOfTheFile() {
        List<BarSeries> loaded = datasets.load("aapl-2013");
        assertThat(loaded).hasSize(1);
        BarSeries aapl = loaded.get(0);
        assertThat(aapl.instrument().id().value()).isEqualTo("AAPL");
        assertThat(aapl.instrument().assetClass()).isEqualTo(AssetClass.EQUITY);
        // 253 lines = header + 252 sessions, which is also the number of NYSE trading days in 2013
        assertThat(aapl.size()).isEqualTo(252);
        // 2013-01-02,553.82,555.00,541.63,549.03,20018500 ; 16:00 EST = 21:00 UTC
        assertBar(aapl, 0, "2013-01-02T21:00:00Z", "553.82", "555.00", "541.63", "549.03", "20018500");
        // 2013-12-31,554.17,561.28,554.00,561.02,7967300
        assertBar(aapl, 251, "2013-12-31T21:00:00Z", "554.17", "561.28", "554.00", "561.02", "7967300");
    }

    @Test
    void aaplSummerBarsCloseAt16NewYorkDaylightTimeAndEarlyClosesAt13() {
        BarSeries aapl = datasets.load("aapl-2013").get(0);
        // line 128: 2013-07-03,420.86,422.98,417.45,420.80,8604600 (early close 13:00 EDT = 17:00 UTC)
        int july3 = indexOf(aapl, "2013-07-03T17:00:00Z");
        assertThat(FixedPoint.format(aapl.close()[july3])).isEqualTo("420.8");
        // the session before it, 2013-07-02, closes 16:00 EDT = 20:00 UTC
        assertThat(aapl.time()[july3 - 1]).isEqualTo(nanos("2013-07-02T20:00:00Z"));
        // line 232: 2013-11-29 (day after Thanksgiving, 13:00 EST = 18:00 UTC), close 556.07
        assertThat(FixedPoint.format(aapl.close()[indexOf(aapl, "2013-11-29T18:00:00Z")])).isEqualTo("556.07");
    }

    @Test
    void bitstampTradesAreAggregatedIntoFiveMinuteBars() {
        BarSeries btc = datasets.load("btc-bitstamp").get(0);
        assertThat(btc.instrument().id().value()).isEqualTo("BTC/USD");
        assertThat(btc.instrument().assetClass()).isEqualTo(AssetClass.CRYPTO);
        // 1921 five-minute buckets between the first and last trade, 4 of them without trades
        assertThat(btc.size()).isEqualTo(1917);
        // trades 1385337600..1385337899: 29 prints, first 800.01, last 806.5
        assertBar(btc, 0, Instant.ofEpochSecond(1385337900).toString(), "800.01", "807.47", "800.01", "806.5",
                "5.75288384");
        assertBar(btc, 1, Instant.ofEpochSecond(1385338200).toString(), "806.5", "806.95", "801", "806.78",
                "16.78280947");
        assertBar(btc, 1916, Instant.ofEpochSecond(1385913900).toString(), "990.12", "999", "985.4", "999",
                "166.67833438");
        long total = 0;
        for (long v : btc.volume()) {
            total += v;
        }
        assertThat(FixedPoint.format(total)).isEqualTo("175778.65435677");
    }

    @Test
    void bitstampRawTradesAreOffered() {
        List<TradeTick> trades = datasets.bitstampTrades();
        assertThat(trades).hasSize(100_000);
        // 1385337600,800.010000000000,0.100000000000
        assertThat(trades.get(0).time()).isEqualTo(1385337600L * 1_000_000_000L);
        assertThat(FixedPoint.format(trades.get(0).price())).isEqualTo("800.01");
        assertThat(FixedPoint.format(trades.get(0).size())).isEqualTo("0.1");
        // last line: 1385913725,999.000000000000,1.292633100000
        TradeTick last = trades.get(99_999);
        assertThat(last.time()).isEqualTo(1385913725L * 1_000_000_000L);
        assertThat(FixedPoint.format(last.price())).isEqualTo("999");
        assertThat(FixedPoint.format(last.size())).isEqualTo("1.2926331");
    }

    @Test
    void eth5minMatchesTheFirstAndLastObjectsOfTheJson() {
        BarSeries eth = datasets.load("eth-5min").get(0);
        assertThat(eth.instrument().id().value()).isEqualTo("ETH/USD");
        assertThat(eth.size()).isEqualTo(580);
        // endTime 1678730699999 is the bar's last millisecond, so the bar ends at 1678730700000
        assertBar(eth, 0, Instant.ofEpochMilli(1678730700000L).toString(), "1673.58", "1677.62", "1672.44",
                "1672.99", "65.3033");
        assertBar(eth, 579, Instant.ofEpochMilli(1678904400000L).toString(), "1625.59", "1631.73", "1624.2",
                "1629.52", "419.89");
        assertThat(eth.time()[1] - eth.time()[0]).isEqualTo(300_000_000_000L);
    }

    @Test
    void catalogueListsTheBundledAndSyntheticDatasets() {
        assertThat(datasets.datasets()).extracting(DatasetInfo::id)
                .containsExactly("aapl-2013", "btc-bitstamp", "eth-5min", "synthetic");
        assertThat(datasets.datasets()).extracting(DatasetInfo::barSize).containsExactly("1d", "5m", "5m", "1d");
    }

    @Test
    void syntheticIdsCarryParameters() {
        List<BarSeries> bars = datasets.load("synthetic:symbols=3,years=0.1,bar=1h,seed=7");
        assertThat(bars).hasSize(3);
        assertThat(bars.get(0).instrument().id().value()).isEqualTo("SYN001");
        assertThatThrownBy(() -> datasets.load("synthetic:symbols=three"))
                .hasMessageContaining("'symbols'").hasMessageContaining("three");
    }

    @Test
    void unknownDatasetIsNamed() {
        assertThatThrownBy(() -> datasets.load("msft-1999")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'msft-1999'").hasMessageContaining("aapl-2013");
    }

    @Test
    void corruptJsonBarNamesLineAndField() {
        String json = "{\n \"ohlc\": [\n  {\"endTime\": 1678730699999, \"openPrice\": 1.0, \"highPrice\": 2.0,"
                + " \"lowPrice\": 0.5, \"closePrice\": 1.5, \"volume\": 3},\n"
                + "  {\"endTime\": 1678730999999, \"openPrice\": 1.0, \"highPrice\": \"x\",\n"
                + "   \"lowPrice\": 0.5, \"closePrice\": 1.5, \"volume\": 3}\n ]\n}";
        assertThatThrownBy(() -> BundledDatasets.readJsonBars(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "eth.json",
                io.amcp.api.model.Instrument.crypto("ETH/USD")))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage("eth.json line 4, field 'highPrice': expected a number, was 'x'");
    }

    @Test
    void jsonBarWithoutVolumeIsRejected() {
        String json = "{\"ohlc\": [\n{\"endTime\": 1, \"openPrice\": 1.0, \"highPrice\": 2.0, \"lowPrice\": 0.5,"
                + " \"closePrice\": 1.5}]}";
        assertThatThrownBy(() -> BundledDatasets.readJsonBars(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "x.json",
                io.amcp.api.model.Instrument.crypto("ETH/USD")))
                .hasMessageContaining("x.json line 2").hasMessageContaining("'volume'");
    }

    private static void assertBar(BarSeries s, int i, String time, String open, String high, String low,
            String close, String volume) {
        assertThat(s.time()[i]).as("time of bar %d", i).isEqualTo(nanos(time));
        assertThat(s.open()[i]).as("open").isEqualTo(FixedPoint.parse(open));
        assertThat(s.high()[i]).as("high").isEqualTo(FixedPoint.parse(high));
        assertThat(s.low()[i]).as("low").isEqualTo(FixedPoint.parse(low));
        assertThat(s.close()[i]).as("close").isEqualTo(FixedPoint.parse(close));
        assertThat(s.volume()[i]).as("volume").isEqualTo(FixedPoint.parse(volume));
    }

    private static int indexOf(BarSeries s, String time) {
        long t = nanos(time);
        for (int i = 0; i < s.size(); i++) {
            if (s.time()[i] == t) {
                return i;
            }
        }
        throw new AssertionError("no bar at " + time);
    }

    private static long nanos(String instant) {
        return Clock.toNanos(Instant.parse(instant));
    }
}
