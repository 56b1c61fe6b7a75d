package io.amcp.execution.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.api.execution.ParentOrder;
import io.amcp.api.model.Bar;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Price;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Quote;
import io.amcp.api.model.Side;
import io.amcp.api.order.OrderType;
import io.amcp.execution.VolumeProfile;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each algorithm driven by hand: child sizes and times computed in the test, not read from the code. */
class AlgorithmTest {

    private static final InstrumentId SYMBOL = InstrumentId.of("ETH/USD");
    private static final long MINUTE = 60_000_000_000L;
    /** 2023-03-14T00:00:00Z. */
    private static final long T0 = 1_678_752_000_000_000_000L;

    private static ParentOrder parent(long qty, Price limit, long minutes, String algorithm, Map<String, String> params) {
        return new ParentOrder(ClientOrderId.of("p-1"), SYMBOL, Side.BUY, Quantity.of(qty), limit, T0, T0 + minutes * MINUTE,
                algorithm, params);
    }

    private static Bar bar(long time, double volume) {
        return Bar.of(SYMBOL, time, 100, 101, 99, 100, volume);
    }

    @Test
    void twapSendsEqualSlicesAtTheIntervalBoundaries() {
        FakeAlgoContext ctx = new FakeAlgoContext(parent(100, null, 60, "twap", Map.of("slice_interval_seconds", "600")), T0)
                .autoFill().start(new TwapAlgorithm(300));
        ctx.advanceTo(T0 + 61 * MINUTE);
        // n = 60 / 10 = 6 slices; cumulative floor(100 k / 6) = 16, 33, 50, 66, 83, 100
        assertThat(ctx.childQuantities()).containsExactly(16L, 17L, 17L, 16L, 17L, 17L);
        assertThat(ctx.children).extracting(c -> (c.time - T0) / MINUTE).containsExactly(0L, 10L, 20L, 30L, 40L, 50L);
        assertThat(ctx.children).allMatch(c -> c.type == OrderType.MARKET);
        assertThat(ctx.completed).isEqualTo("filled");
    }

    @Test
    void twapCatchesUpWhatAnEarlierSliceDidNotFill() {
        FakeAlgoContext ctx = new FakeAlgoContext(parent(100, null, 60, "twap", Map.of("slice_interval_seconds", "600")), T0)
                .start(new TwapAlgorithm(300));
        ctx.advanceTo(T0);
        ctx.fill(ctx.children.get(0), Quantity.of(16), Price.of("100"));
        ctx.advanceTo(T0 + 10 * MINUTE);
        ctx.venueCancel(ctx.children.get(1)); // the 17 of slice 2 expired unfilled
        ctx.advanceTo(T0 + 20 * MINUTE);
        // slice 3 targets 50; 16 filled, nothing working: 34 (its own 17 plus the missed 17)
        assertThat(ctx.childQuantities()).containsExactly(16L, 17L, 34L);
    }

    @Test
    void twapAndSchedulesNameTheBadParameter() {
        assertThatThrownBy(() -> new FakeAlgoContext(parent(100, null, 60, "twap", Map.of("slice_interval_seconds", "-5")), T0)
                .start(new TwapAlgorithm(300))).hasMessageStartingWith("slice_interval_seconds:");
        assertThatThrownBy(() -> new FakeAlgoContext(parent(100, null, 60, "twap", Map.of("slice_interval_seconds", "x")), T0)
                .start(new TwapAlgorithm(300))).hasMessageStartingWith("slice_interval_seconds:");
        assertThatThrownBy(() -> new FakeAlgoContext(parent(100, null, 60, "shortfall", Map.of("urgency", "-1")), T0)
                .start(new ShortfallAlgorithm(1, 300))).hasMessageStartingWith("urgency:");
        assertThatThrownBy(() -> new FakeAlgoContext(parent(100, null, 60, "vwap", Map.of("profile", "UTC|00:00")), T0)
                .start(new VwapAlgorithm(300, VolumeProfile.flat(ZoneOffset.UTC, LocalTime.MIDNIGHT, Duration.ofHours(1), 24))))
                .hasMessageStartingWith("profile:");
        assertThatThrownBy(() -> new FakeAlgoContext(parent(100, null, 60, "pov", Map.of("rate", "1.5")), T0)
                .start(new PovAlgorithm(0.1, Quantity.ZERO, Quantity.ZERO))).hasMessageStartingWith("rate:");
        assertThatThrownBy(() -> new FakeAlgoContext(parent(100, null, 60, "pov", Map.of("min_child", "10", "max_child", "5")), T0)
                .start(new PovAlgorithm(0.1, Quantity.ZERO, Quantity.ZERO))).hasMessageStartingWith("max_child:");
        assertThatThrownBy(() -> new FakeAlgoContext(parent(100, null, 60, "iceberg", Map.of()), T0)
                .start(new IcebergAlgorithm(0.1))).hasMessageStartingWith("limit_price:");
        assertThatThrownBy(() -> new FakeAlgoContext(parent(100, null, 60, "passive", Map.of("timeout_seconds", "0")), T0)
                .start(new PassiveAlgorithm(60))).hasMessageStartingWith("timeout_seconds:");
    }

    @Test
    void vwapChildrenAreTheParentTimesEachIntervalsExpectedVolumeShare() {
        // a four-hour session from 00:00 UTC with volume weights 1 : 2 : 3 : 4 (shares 0.1, 0.2, 0.3, 0.4)
        VolumeProfile profile = new VolumeProfile(ZoneOffset.UTC, LocalTime.MIDNIGHT, Duration.ofHours(1),
                new double[] {1, 2, 3, 4});
        FakeAlgoContext hourly = new FakeAlgoContext(parent(1000, null, 240, "vwap",
                Map.of("profile", profile.toString(), "decision_interval_seconds", "3600")), T0).autoFill()
                .start(new VwapAlgorithm(300, profile));
        hourly.advanceTo(T0 + 241 * MINUTE);
        assertThat(hourly.childQuantities()).containsExactly(100L, 200L, 300L, 400L);

        // half-hour decisions: volume flows evenly inside a bucket, so each hour's share splits in two
        FakeAlgoContext halfHourly = new FakeAlgoContext(parent(1000, null, 240, "vwap",
                Map.of("decision_interval_seconds", "1800")), T0).autoFill().start(new VwapAlgorithm(300, profile));
        halfHourly.advanceTo(T0 + 241 * MINUTE);
        assertThat(halfHourly.childQuantities()).containsExactly(50L, 50L, 100L, 100L, 150L, 150L, 200L, 200L);

        // a parent over the last two hours only: shares 0.3 and 0.4 renormalised to 3/7 and 4/7 of 700
        FakeAlgoContext late = new FakeAlgoContext(new ParentOrder(ClientOrderId.of("p-2"), SYMBOL, Side.SELL,
                Quantity.of(700), null, T0 + 120 * MINUTE, T0 + 240 * MINUTE, "vwap",
                Map.of("decision_interval_seconds", "3600")), T0).autoFill().start(new VwapAlgorithm(300, profile));
        late.advanceTo(T0 + 241 * MINUTE);
        assertThat(late.childQuantities()).containsExactly(300L, 400L);
    }

    @Test
    void povFollowsTheObservedVolumeBetweenMinAndMaxChild() {
        FakeAlgoContext ctx = new FakeAlgoContext(parent(1000, null, 60, "pov",
                Map.of("rate", "0.1", "min_child", "20", "max_child", "150")), T0).autoFill()
                .start(new PovAlgorithm(0.5, Quantity.ZERO, Quantity.ZERO));
        double[] volumes = {1000, 500, 2000, 50, 100};
        for (int i = 0; i < volumes.length; i++) {
            ctx.bar(bar(T0 + (i + 1) * 5 * MINUTE, volumes[i]));
        }
        // cumulative volume 1000, 1500, 3500, 3550, 3650 -> targets 100, 150, 350, 355, 365
        // children: 100; 150-100 = 50; 350-150 = 200 capped at 150; 355-300 = 55; 365-355 = 10 < min 20: none
        assertThat(ctx.childQuantities()).containsExactly(100L, 50L, 150L, 55L);
    }

    @Test
    void icebergShowsOnlyTheDisplayQuantityAndRefillsWhenItIsDone() {
        FakeAlgoContext ctx = new FakeAlgoContext(parent(250, Price.of("50"), 60, "iceberg", Map.of("display", "100")), T0)
                .start(new IcebergAlgorithm(0.1));
        ctx.advanceTo(T0);
        assertThat(ctx.childQuantities()).containsExactly(100L);
        assertThat(ctx.children.get(0).type).isEqualTo(OrderType.LIMIT);
        assertThat(ctx.children.get(0).limit).isEqualTo(Price.of("50"));
        ctx.fill(ctx.children.get(0), Quantity.of(40), Price.of("50"));
        assertThat(ctx.childQuantities()).as("a partial fill does not refill").containsExactly(100L);
        ctx.fill(ctx.children.get(0), Quantity.of(60), Price.of("50"));
        assertThat(ctx.childQuantities()).containsExactly(100L, 100L);
        ctx.fill(ctx.children.get(1), Quantity.of(100), Price.of("49.5"));
        assertThat(ctx.childQuantities()).as("the last refill is the remainder").containsExactly(100L, 100L, 50L);
        ctx.fill(ctx.children.get(2), Quantity.of(50), Price.of("50"));
        assertThat(ctx.completed).isEqualTo("filled");
    }

    @Test
    void shortfallFollowsTheAlmgrenChrissTrajectory() {
        double urgency = 2.0;
        FakeAlgoContext ctx = new FakeAlgoContext(parent(1000, null, 60, "shortfall",
                Map.of("urgency", "2", "decision_interval_seconds", "600")), T0).autoFill()
                .start(new ShortfallAlgorithm(1, 300));
        ctx.advanceTo(T0 + 61 * MINUTE);
        // closed form: executed by t_k = 1000 (1 - sinh(u (1 - k/6)) / sinh(u)), rounded down to whole units
        List<Long> expected = new ArrayList<>();
        long before = 0;
        for (int k = 1; k <= 6; k++) {
            long cumulative = (long) Math.floor(1000 * (1 - Math.sinh(urgency * (1 - k / 6.0)) / Math.sinh(urgency)) + 1e-9);
            expected.add(cumulative - before);
            before = cumulative;
        }
        assertThat(ctx.childQuantities()).containsExactlyElementsOf(expected);
        // front-loaded: 1 - sinh(5/3) / sinh(2) = 1 - 2.5534 / 3.6269 = 0.2960, so the first child is 296, well above TWAP's 166
        assertThat(expected.get(0)).isEqualTo(296L);
        assertThat(expected.stream().mapToLong(Long::longValue).sum()).isEqualTo(1000L);
    }

    @Test
    void passivePostsAtTheTouchAndCrossesTheRestAfterTheTimeout() {
        FakeAlgoContext ctx = new FakeAlgoContext(parent(100, null, 60, "passive", Map.of("timeout_seconds", "60")), T0)
                .start(new PassiveAlgorithm(30));
        ctx.quote(Quote.of(SYMBOL, T0, 99.5, 100.5, 10, 10));
        assertThat(ctx.children).singleElement().satisfies(c -> {
            assertThat(c.type).isEqualTo(OrderType.LIMIT);
            assertThat(c.limit).isEqualTo(Price.of("99.5"));
            assertThat(c.quantity).isEqualTo(Quantity.of(100));
        });
        ctx.advanceTo(T0 + 10 * 1_000_000_000L);
        ctx.fill(ctx.children.get(0), Quantity.of(30), Price.of("99.5"));
        ctx.advanceTo(T0 + 59 * 1_000_000_000L);
        assertThat(ctx.children).hasSize(1);
        ctx.advanceTo(T0 + 60 * 1_000_000_000L); // timeout: cancel the rest, then cross it
        assertThat(ctx.children).hasSize(2);
        assertThat(ctx.children.get(1).type).isEqualTo(OrderType.MARKET);
        assertThat(ctx.children.get(1).quantity).isEqualTo(Quantity.of(70));
        assertThat(ctx.children.get(1).time).isEqualTo(T0 + 60 * 1_000_000_000L);
    }
}
