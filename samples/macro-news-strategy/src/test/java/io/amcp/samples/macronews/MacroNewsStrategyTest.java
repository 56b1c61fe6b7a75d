package io.amcp.samples.macronews;

import static io.amcp.samples.macronews.MarketData2013.AAPL;
import static io.amcp.samples.macronews.MarketData2013.UNRATE;
import static io.amcp.samples.macronews.MarketData2013.newYork;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.amcp.api.altdata.MacroObservation;
import io.amcp.api.altdata.MacroSeries;
import io.amcp.api.altdata.NewsFeed;
import io.amcp.api.model.BarSeries;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderFilled;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.StrategyState;
import io.amcp.testkit.BacktestHarness;
import io.amcp.testkit.BacktestOutcome;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Backtests on the real AAPL 2013 daily bars with the unemployment releases and headlines of
 * {@link MarketData2013}. Market orders fill at the next bar's open.
 */
class MacroNewsStrategyTest {

    static final BacktestHarness HARNESS = BacktestHarness.dataset("aapl-2013");

    static MacroNewsParameters parameters() {
        return new MacroNewsParameters(StrategyId.of("macronews"), AAPL, UNRATE, 1, 20, Duration.ofHours(120), 0.0, -0.3,
                Quantity.of(10));
    }

    static BacktestOutcome run(MacroSeries macro, NewsFeed news) {
        return HARNESS.run(new MacroNewsStrategy(parameters(), macro, news));
    }

    static FixedMacroSeries firstReleases() {
        return new FixedMacroSeries(UNRATE, MarketData2013.unemploymentFirstReleases());
    }

    static Instant fillTime(OrderFilled fill) {
        return Clock.toInstant(fill.time());
    }

    static String day(OrderFilled fill) {
        return fillTime(fill).atZone(MarketData2013.NEW_YORK).toLocalDate() + " " + fill.side();
    }

    @Test
    void backtestsAapl2013WithPinnedStatistics() {
        BacktestOutcome outcome = run(firstReleases(), new FixedNewsFeed(MarketData2013.appleNews()));

        assertThat(outcome.denials()).isEmpty();
        assertThat(outcome.fills()).extracting(MacroNewsStrategyTest::day).containsExactly(
                "2013-03-18 BUY", "2013-04-02 SELL", "2013-04-30 BUY", "2013-05-16 SELL", "2013-05-17 BUY", "2013-05-20 SELL",
                "2013-05-21 BUY", "2013-05-22 SELL", "2013-05-31 BUY", "2013-06-06 SELL", "2013-07-10 BUY", "2013-09-03 SELL",
                "2013-09-04 BUY", "2013-09-11 SELL", "2013-09-24 BUY", "2013-10-01 SELL", "2013-10-02 BUY", "2013-10-30 SELL",
                "2013-11-05 BUY", "2013-11-08 SELL", "2013-12-09 BUY", "2013-12-20 SELL", "2013-12-24 BUY", "2013-12-31 SELL");

        // Until the 2013-03-08 release unemployment was rising (Dec 7.8 after Nov 7.7, then Jan 7.9): no entry was possible.
        // February's 7.7 (released 2013-03-08 08:30) ended that; the first entry was decided on 2013-03-15 (close 443.66
        // above its 20-day mean) and filled at the 2013-03-18 open, 441.45 in the CSV.
        OrderFilled first = outcome.fills().get(0);
        assertThat(fillTime(first)).isAfter(newYork("2013-03-08T08:30"));
        assertThat(first.price().toDouble()).isEqualTo(441.45);

        // every fill is the open of its bar in the bundled CSV, 10 shares
        BarSeries bars = HARNESS.data().get(0);
        for (OrderFilled fill : outcome.fills()) {
            int i = indexOf(bars, fill.time());
            assertThat(fill.price().raw()).as(day(fill)).isEqualTo(bars.open()[i]);
            assertThat(fill.quantity()).isEqualTo(Quantity.of(10));
        }

        // 12 round trips; P&L = 10 x (exit open - entry open), by hand from the CSV opens:
        // -138.5, -118.6, -71.4, +59.0, -70.3, +735.0, -325.5, -164.3, +339.8, -100.0, -154.7, -157.2 = -166.7
        assertThat(outcome.trades()).hasSize(12);
        assertThat(outcome.metrics().tradeCount()).isEqualTo(12);
        assertThat(outcome.metrics().winRate()).isEqualTo(3.0 / 12);
        assertThat(outcome.finalAccount().realizedPnl().toDouble()).isCloseTo(-166.7, within(1e-9));
        assertThat(outcome.finalAccount().equity().toDouble()).isCloseTo(99_833.3, within(1e-9));
        assertThat(outcome.metrics().totalReturn()).isCloseTo(-166.7 / 100_000, within(1e-12));
    }

    @Test
    void aBearishHeadlineExitsOnTheBarAfterItIsPublished() {
        BacktestOutcome withNews = run(firstReleases(), new FixedNewsFeed(MarketData2013.appleNews()));
        BacktestOutcome withoutNews = run(firstReleases(), new FixedNewsFeed(List.of()));

        // "holiday-quarter outlook falls short" (-0.4) came at 20:35 UTC on 2013-10-28, after that day's close: the
        // 2013-10-29 close is the first decision that sees it, below exitSentiment -0.3, so the sale fills on 10-30
        assertThat(withNews.fills()).extracting(MacroNewsStrategyTest::day).contains("2013-10-30 SELL");
        // without it the position bought on 2013-10-02 is held until the unemployment condition breaks
        assertThat(withoutNews.fills()).extracting(MacroNewsStrategyTest::day)
                .containsSequence("2013-10-02 BUY", "2013-11-08 SELL").doesNotContain("2013-10-30 SELL");
    }

    @Test
    void aRevisedMacroValueIsNotSeenBeforeItsReleaseDate() {
        // a revision written for this test: September 2013 (first 7.2 on 2013-10-22) revised to 7.4 with the
        // October report, 2013-11-08 08:30 New York
        Instant revisionReleased = newYork("2013-11-08T08:30");
        LocalDate september = LocalDate.of(2013, 9, 1);
        MacroObservation revision = MacroObservation.of(UNRATE, september, revisionReleased, 7.4);
        FixedMacroSeries revised = new FixedMacroSeries(UNRATE, MarketData2013.with(revision));

        BacktestOutcome original = run(firstReleases(), new FixedNewsFeed(MarketData2013.appleNews()));
        BacktestOutcome withRevision = run(revised, new FixedNewsFeed(MarketData2013.appleNews()));

        // inside the backtest, every query before the release saw September's original 7.2, every later one 7.4
        int before = 0;
        int after = 0;
        for (FixedMacroSeries.Query query : revised.queries) {
            for (MacroObservation o : query.answer()) {
                if (o.period().equals(september)) {
                    boolean released = !query.knownAt().isBefore(revisionReleased);
                    assertThat(o.value()).as("September as known at " + query.knownAt()).isEqualTo(released ? 7.4 : 7.2);
                    before += released ? 0 : 1;
                    after += released ? 1 : 0;
                }
            }
        }
        assertThat(before).isPositive();
        assertThat(after).isPositive();

        // every decision up to the 2013-11-07 close (fills up to the 2013-11-08 open) is the same with and without it
        Instant lastFillBeforeRevision = newYork("2013-11-08T16:00");
        assertThat(fillsUpTo(withRevision, lastFillBeforeRevision)).isEqualTo(fillsUpTo(original, lastFillBeforeRevision));
        // from the release on it counts: October's 7.3 is now below September's 7.4, so the strategy buys again on the
        // 2013-11-08 close (fill 2013-11-11) instead of waiting for November's 7.0 (released 2013-12-06)
        assertThat(withRevision.fills()).extracting(MacroNewsStrategyTest::day).contains("2013-11-11 BUY");
        assertThat(original.fills()).extracting(MacroNewsStrategyTest::day).doesNotContain("2013-11-11 BUY");

        // the classic look-ahead bug - a store that keeps only each period's final value - sells on 2013-10-23:
        // on 2013-10-22 it already reports September as 7.4 (above August's 7.3) instead of the 7.2 published that day
        FixedMacroSeries source = new FixedMacroSeries(UNRATE, MarketData2013.with(revision));
        MacroSeries finalValuesOnly = new MacroSeries() {
            @Override
            public Set<String> seriesIds() {
                return source.seriesIds();
            }

            @Override
            public List<MacroObservation> asOf(String seriesId, Instant knownAt) {
                List<MacroObservation> finals = source.asOf(seriesId, Instant.MAX);
                return source.asOf(seriesId, knownAt).stream().map(o -> finals.stream()
                        .filter(f -> f.period().equals(o.period())).findFirst().orElseThrow()).toList();
            }
        };
        BacktestOutcome leaky = run(finalValuesOnly, new FixedNewsFeed(MarketData2013.appleNews()));
        assertThat(leaky.fills()).extracting(MacroNewsStrategyTest::day).contains("2013-10-23 SELL");
        assertThat(withRevision.fills()).extracting(MacroNewsStrategyTest::day).doesNotContain("2013-10-23 SELL");
    }

    @Test
    void snapshotCarriesTheMovingAverageWindowIntoANewVersion() {
        MacroNewsStrategy strategy = new MacroNewsStrategy(parameters(), firstReleases(), new FixedNewsFeed(List.of()));
        HARNESS.run(strategy);

        StrategyState state = strategy.snapshot();
        BarSeries bars = HARNESS.data().get(0);
        String[] closes = state.get("closes", "").split(",");
        assertThat(closes).hasSize(20);
        // the last close of 2013 in the CSV is 561.02
        assertThat(Double.parseDouble(closes[19])).isEqualTo(561.02);
        assertThat(Double.parseDouble(closes[0])).isEqualTo(bars.closesAsDouble()[bars.size() - 20]);

        MacroNewsStrategy next = new MacroNewsStrategy(parameters(), firstReleases(), new FixedNewsFeed(List.of()));
        next.restore(state);
        assertThat(next.snapshot()).isEqualTo(state);
    }

    @Test
    void badParametersNameTheField() {
        StrategyId id = StrategyId.of("m");
        Duration day = Duration.ofDays(1);
        assertThatThrownBy(() -> new MacroNewsParameters(id, AAPL, " ", 1, 20, day, 0, -0.3, Quantity.of(1)))
                .hasMessageStartingWith("macroSeries:");
        assertThatThrownBy(() -> new MacroNewsParameters(id, AAPL, UNRATE, 0, 20, day, 0, -0.3, Quantity.of(1)))
                .hasMessageStartingWith("macroLookback:");
        assertThatThrownBy(() -> new MacroNewsParameters(id, AAPL, UNRATE, 1, 1, day, 0, -0.3, Quantity.of(1)))
                .hasMessageStartingWith("smaWindow:");
        assertThatThrownBy(() -> new MacroNewsParameters(id, AAPL, UNRATE, 1, 20, Duration.ZERO, 0, -0.3, Quantity.of(1)))
                .hasMessageStartingWith("newsWindowHours:");
        assertThatThrownBy(() -> new MacroNewsParameters(id, AAPL, UNRATE, 1, 20, day, 0, 0.5, Quantity.of(1)))
                .hasMessageStartingWith("exitSentiment:");
        assertThatThrownBy(() -> new MacroNewsParameters(id, AAPL, UNRATE, 1, 20, day, 0, -0.3, Quantity.ZERO))
                .hasMessageStartingWith("quantity:");
    }

    private static List<String> fillsUpTo(BacktestOutcome outcome, Instant end) {
        return outcome.fills().stream().filter(f -> !fillTime(f).isAfter(end))
                .map(f -> day(f) + " " + f.quantity() + " @ " + f.price()).toList();
    }

    private static int indexOf(BarSeries bars, long time) {
        for (int i = 0; i < bars.size(); i++) {
            if (bars.time()[i] == time) {
                return i;
            }
        }
        throw new AssertionError("no bar at " + Clock.toInstant(time));
    }
}
