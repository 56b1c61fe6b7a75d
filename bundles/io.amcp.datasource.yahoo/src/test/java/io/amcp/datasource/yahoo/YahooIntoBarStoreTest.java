package io.amcp.datasource.yahoo;

import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.api.model.BarSeries;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.InstrumentId;
import io.amcp.data.BarQuery;
import io.amcp.data.BarStore;
import io.amcp.data.CorporateAction;
import io.amcp.datasource.http.RetryPolicy;
import io.amcp.datasource.file.BarSize;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How Yahoo feeds the data layer: bars as traded go into the {@link BarStore}, splits and dividends
 * into its corporate-action file; reading back with {@code adjusted=true} then gives the
 * split-adjusted prices Yahoo itself served (AAPL 2020-08-28: 499.23 as traded, 124.8075 adjusted).
 */
class YahooIntoBarStoreTest {

    private static final InstrumentId AAPL = InstrumentId.of("AAPL");
    private static final Instant FROM = Instant.parse("2020-08-27T00:00:00Z");
    private static final Instant TO = Instant.parse("2020-09-02T00:00:00Z");

    @TempDir
    Path root;

    @Test
    void rawBarsPlusSplitReadBackAdjustedEqualWhatYahooServed() throws Exception {
        YahooChart raw;
        try (RecordedHttpServer server = new RecordedHttpServer()) {
            server.replyResource(200, "aapl-1d-2020-08-27.json");
            YahooFinanceClient client = new YahooFinanceClient(YahooFinanceClient.Settings.of(server.baseUrl(),
                    Duration.ofSeconds(5), RetryPolicy.DEFAULT), Clock.fixed(TO, ZoneOffset.UTC), d -> { });
            raw = client.rawChart(AAPL, FROM, TO, YahooInterval.DAILY);
        }
        List<CorporateAction> actions = raw.corporateActions().stream()
                .map(e -> new CorporateAction(e.symbol(), e.exDate(), CorporateAction.Type.valueOf(e.type().name()),
                        e.value()))
                .toList();

        try (BarStore store = BarStore.open(root)) {
            store.ingestSeries("yahoo", BarSize.ONE_DAY, List.of(raw.bars()), null);
            store.addCorporateActions("yahoo", actions);
            BarQuery query = BarQuery.of("yahoo", List.of(AAPL), BarSize.ONE_DAY, FROM, TO);

            BarSeries asTraded = store.query(query).get(0);
            BarSeries adjusted = store.query(query.withAdjusted(true)).get(0);

            assertThat(asTraded.close()).containsExactly(FixedPoint.parse("500.04"), FixedPoint.parse("499.23"),
                    FixedPoint.parse("129.04"), FixedPoint.parse("134.18"));
            assertThat(adjusted.close()).containsExactly(FixedPoint.parse("125.01"), FixedPoint.parse("124.8075"),
                    FixedPoint.parse("129.04"), FixedPoint.parse("134.18"));
            assertThat(adjusted.volume()[1]).isEqualTo(187_629_916L * FixedPoint.ONE);
        }
    }
}
