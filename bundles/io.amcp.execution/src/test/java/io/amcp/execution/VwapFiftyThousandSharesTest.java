package io.amcp.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.amcp.api.execution.AlgoStatus;
import io.amcp.api.execution.ParentOrder;
import io.amcp.api.model.BarSeries;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.Money;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.order.OrderFilled;
import io.amcp.api.spi.Clock;
import io.amcp.backtest.BacktestEngine;
import io.amcp.backtest.BacktestRun;
import io.amcp.broker.paper.CommissionModel;
import io.amcp.broker.paper.PaperExchange;
import io.amcp.broker.paper.PaperSettings;
import io.amcp.datasource.file.BundledDatasets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The "done when" demo: a 50,000-share parent worked by VWAP in a backtest on real intraday
 * data tracks the market VWAP within a documented tolerance, and its TCA report shows it.
 *
 * <p>Data: the bundle holds no intraday equity data (ta4j-examples ships AAPL 2013 as daily bars only),
 * so the real ETH/USD 5-minute bars (Binance US, 2023-03-13 18:00 to 2023-03-15 18:20 UTC) are scaled
 * to shares: one share is 1/k ETH, with k chosen so that 50,000 shares are 2% of the first 24 hours'
 * volume (the participation of 50,000 shares in a stock trading 2.5 million a day). Volumes are
 * multiplied by k and prices divided by k, so every bar's notional is unchanged. The VWAP profile
 * (24 hourly buckets) is forecast from the first 24 hours; the parent buys over the next 24 hours.
 * The venue takes at most 10% of a bar's volume, charges $0.005 a share (at least $1 a fill) and fills
 * market children at the next bar's open.
 *
 * <p>Benchmark, computed here from the raw (unscaled) bars, independently of the kernel: the
 * volume-weighted typical price {@code (high + low + close) / 3} of the bars after the parent's start up
 * to its last fill, divided by k. Documented tolerance: 50 bps, the forecast-profile tolerance of
 * {@link VwapTrackingEthTest} (measured here: 37.4 bps paid above the market VWAP; 2023-03-14 was a US CPI
 * day and one day of history forecasts the next day's hourly volume curve only roughly; with the day's own
 * profile, known only in hindsight, the same engine tracks within 13.7 bps, see docs/execution.md). The report is {@code target/tca-vwap-50000-shares.html}.
 */
class VwapFiftyThousandSharesTest {

    /** Largest tracking error accepted for VWAP with a profile forecast from the previous day. */
    static final double TOLERANCE_BPS = VwapTrackingEthTest.FORECAST_TOLERANCE_BPS;
    private static final long HOUR = 3_600_000_000_000L;
    private static final double SHARES = 50_000;

    /** The bars with volume multiplied by {@code k} and prices divided by it. */
    static BarSeries inShares(BarSeries eth, double k) {
        long[] volume = Arrays.stream(eth.volume()).map(v -> FixedPoint.fromDouble(FixedPoint.toDouble(v) * k)).toArray();
        return new BarSeries(eth.instrument(), eth.time().clone(), divide(eth.open(), k), divide(eth.high(), k),
                divide(eth.low(), k), divide(eth.close(), k), volume);
    }

    private static long[] divide(long[] prices, double k) {
        return Arrays.stream(prices).map(p -> FixedPoint.fromDouble(FixedPoint.toDouble(p) / k)).toArray();
    }

    @Test
    void fiftyThousandSharesWorkedByVwapTrackTheMarketVwap() {
        BarSeries eth = new BundledDatasets().load(BundledDatasets.ETH_5MIN).get(0);
        long first = eth.time()[0];
        long estimationEnd = first + 24 * HOUR - 5 * 60_000_000_000L;
        double historyEth = 0;
        for (int i = 0; i < eth.size() && eth.time()[i] <= estimationEnd; i++) {
            historyEth += FixedPoint.toDouble(eth.volume()[i]);
        }
        double k = SHARES / (0.02 * historyEth);
        BarSeries shares = inShares(eth, k);
        BarSeries history = VwapTrackingEthTest.slice(shares, first - 1, estimationEnd);
        VolumeProfile profile = VolumeProfile.crypto24h(history);

        ParentOrder template = new ParentOrder(ClientOrderId.of("vwap-50k"), shares.instrument().id(), Side.BUY,
                Quantity.of(SHARES), null, estimationEnd + 1, estimationEnd + 1 + 24 * HOUR, "vwap",
                Map.of("profile", profile.toString(), "decision_interval_seconds", "300"));
        VwapTrackingEthTest.Desk desk = new VwapTrackingEthTest.Desk(template);
        PaperSettings venue = new PaperSettings(0, new CommissionModel.PerShare(Money.of("0.005"), Money.of("1")), 0.10);
        BacktestRun run = new BacktestEngine(Money.of("10000000"), 1.0, List.of())
                .withAlgorithm(VwapTrackingEthTest.vwapAlgorithm())
                .run(List.of(shares), desk, (Clock c) -> new PaperExchange(c, venue), null);
        AlgoStatus status = desk.status;

        assertThat(run.kernelErrors()).isZero();
        assertThat(status.state()).isEqualTo("DONE");
        assertThat(status.filled()).isEqualTo(Quantity.of(SHARES));
        List<OrderFilled> fills = run.fills();
        double filledByVenue = fills.stream().mapToDouble(f -> f.quantity().toDouble()).sum();
        assertThat(filledByVenue).isEqualTo(SHARES);

        // the market VWAP from the raw ETH bars, in $ per share
        long start = desk.submitted.startTime();
        long lastFill = fills.stream().mapToLong(OrderFilled::time).max().orElseThrow();
        double pv = 0;
        double v = 0;
        for (int i = 0; i < eth.size(); i++) {
            if (eth.time()[i] > start && eth.time()[i] <= lastFill) {
                double typical = FixedPoint.toDouble(eth.high()[i] + eth.low()[i] + eth.close()[i]) / 3;
                pv += typical * FixedPoint.toDouble(eth.volume()[i]);
                v += FixedPoint.toDouble(eth.volume()[i]);
            }
        }
        double marketVwap = pv / v / k;
        double averagePaid = fills.stream().mapToDouble(f -> f.quantity().toDouble() * f.price().toDouble()).sum() / SHARES;
        double trackingBps = (averagePaid - marketVwap) / marketVwap * 10_000;
        System.out.printf("VWAP 50,000 shares (1 share = %.6f ETH): paid %.4f, market VWAP %.4f, tracking %.2f bps, "
                + "%d fills%n", 1 / k, averagePaid, marketVwap, trackingBps, fills.size());
        assertThat(Math.abs(trackingBps)).as("tracking error vs the market VWAP, bps").isLessThan(TOLERANCE_BPS);
        assertThat(status.marketVwap().toDouble()).as("the kernel's market VWAP").isCloseTo(marketVwap,
                Offset.offset(marketVwap * 1e-6));

        // arrival: the close of the bar on which the parent started, from the raw data
        int startBar = Arrays.binarySearch(eth.time(), start);
        double arrival = FixedPoint.toDouble(eth.close()[startBar]) / k;
        // $0.005 a share with $1 minimum per child order (a child may fill over several bars)
        Map<ClientOrderId, Double> perChild = new java.util.HashMap<>();
        fills.forEach(f -> perChild.merge(f.clientOrderId(), f.quantity().toDouble(), Double::sum));
        double fees = perChild.values().stream().mapToDouble(q -> Math.max(1.0, 0.005 * q)).sum();
        TcaResult tca = TransactionCostAnalysis.analyse(status, ChildFill.fromFills(fills, "paper"),
                MarketConditions.fromBars(history));
        assertThat(tca.arrivalPrice().toDouble()).isCloseTo(arrival, Offset.offset(1e-6));
        assertThat(tca.shortfallBps()).isCloseTo((averagePaid - arrival) / arrival * 10_000, Offset.offset(0.01));
        assertThat(tca.vwapSlippageBps()).isCloseTo(trackingBps, Offset.offset(0.01));
        assertThat(tca.fees().toDouble()).isCloseTo(fees, Offset.offset(0.01));
        assertThat(tca.feesBps()).isCloseTo(fees / (averagePaid * SHARES) * 10_000, Offset.offset(0.01));
        // square-root law with the history's ADV (= 2,500,000 shares by construction) and daily volatility
        MarketConditions market = MarketConditions.fromBars(history);
        assertThat(market.averageDailyVolume()).isCloseTo(2_500_000, Offset.offset(2_500_000 * 0.01));
        assertThat(tca.impactBps()).isCloseTo(market.dailyVolatility() * Math.sqrt(SHARES / market.averageDailyVolume())
                * 10_000, Offset.offset(1e-9));

        Path report = Path.of("target", "tca-vwap-50000-shares.html");
        TcaReport.write(report, List.of(tca), Map.of(template.id(),
                ExecutionSchedule.volume(profile, start, desk.submitted.endTime())), shares);
        assertThat(report).content().contains("vwap-50k", "arrival", "market VWAP", "IS bps", "vs VWAP bps",
                "impact est. bps", "fees bps", "<svg", String.format(java.util.Locale.ROOT, "%.2f", tca.vwapSlippageBps()));
    }
}
