package io.amcp.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.amcp.api.model.BarSeries;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.InstrumentId;
import io.amcp.datasource.file.BarSize;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays run while ingests replace the partitions they read: each replay must see one committed
 * version of the store whole (the old or the new one), never a mix of two versions nor an error.
 */
@Timeout(120)
class ReplayDuringIngestTest {

    private static final InstrumentId BTC = InstrumentId.of("BTC/USD");
    /** Hourly bars ending 2023-12-30T01:00Z .. 2024-01-02T00:00Z: 48 in the 2023 partition, 24 in 2024's. */
    private static final Instant FIRST_END = Instant.parse("2023-12-30T01:00:00Z");
    private static final int BARS = 72;
    private static final int VERSIONS = 25;
    private static final int REPLAYERS = 2;

    @TempDir
    Path dir;

    /** Version {@code v} of the same 72 bars: every price is {@code 100 + v} (so a replay's version can be read off any bar). */
    private static BarSeries version(int v) {
        long[] time = new long[BARS];
        long[] price = new long[BARS];
        long[] volume = new long[BARS];
        for (int i = 0; i < BARS; i++) {
            time[i] = (FIRST_END.getEpochSecond() + 3600L * i) * 1_000_000_000L;
            price[i] = (100 + v) * FixedPoint.ONE;
            volume[i] = FixedPoint.ONE;
        }
        return new BarSeries(Instrument.infer(BTC), time, price, price, price, price, volume);
    }

    @Test
    void everyReplayReadsOneWholeCommittedVersion() throws Exception {
        try (BarStore store = BarStore.open(dir.resolve("data"))) {
            store.ingestSeries("btc", BarSize.ONE_HOUR, List.of(version(0)), null);
            assertEquals(2, store.partitions("btc").size(), "one partition per UTC year");
            AtomicBoolean ingesting = new AtomicBoolean(true);
            AtomicInteger replays = new AtomicInteger();
            List<String> problems = new CopyOnWriteArrayList<>();
            Instant from = Instant.parse("2023-01-01T00:00:00Z");
            Instant to = Instant.parse("2025-01-01T00:00:00Z");
            List<Thread> replayers = new ArrayList<>();
            for (int r = 0; r < REPLAYERS; r++) {
                Thread t = new Thread(() -> {
                    int lastSeen = 0;
                    while (ingesting.get() && problems.isEmpty()) {
                        try {
                            BarSeries s = store.replay("btc", BTC, from, to);
                            replays.incrementAndGet();
                            if (s.size() != BARS) {
                                problems.add("replay of " + s.size() + " bars, not " + BARS);
                                continue;
                            }
                            long first = s.close()[0];
                            if (Arrays.stream(s.close()).anyMatch(c -> c != first)) {
                                problems.add("replay mixes versions: " + Arrays.toString(s.close()));
                                continue;
                            }
                            int seen = (int) (first / FixedPoint.ONE) - 100;
                            if (seen < lastSeen || seen > VERSIONS) {
                                problems.add("replay saw version " + seen + " after " + lastSeen);
                            }
                            lastSeen = seen;
                        } catch (RuntimeException e) {
                            problems.add("replay failed: " + e);
                        }
                    }
                }, "replayer-" + r);
                t.start();
                replayers.add(t);
            }
            try {
                for (int v = 1; v <= VERSIONS && problems.isEmpty(); v++) {
                    store.ingestSeries("btc", BarSize.ONE_HOUR, List.of(version(v)), null);
                }
            } finally {
                ingesting.set(false);
                for (Thread t : replayers) {
                    t.join();
                }
            }
            assertEquals(List.of(), problems);
            assertTrue(replays.get() > 0, "replays ran");
            BarSeries last = store.replay("btc", BTC, from, to);
            assertEquals((100 + VERSIONS) * FixedPoint.ONE, last.close()[BARS - 1], "the last version is stored");
            assertEquals(2, store.partitions("btc").size());
        }
    }
}
