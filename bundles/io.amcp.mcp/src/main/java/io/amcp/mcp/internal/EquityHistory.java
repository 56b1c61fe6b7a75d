package io.amcp.mcp.internal;

import io.amcp.api.spi.Clock;
import io.amcp.api.spi.TradingNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Account equity sampled at a fixed interval while this bundle runs, for {@code get_portfolio_history}.
 * The kernel keeps no equity history of its own, so history starts when sampling starts. Thread-safe.
 */
final class EquityHistory {

    /**
     * One sample.
     *
     * @param time   nanoseconds since the epoch (the node's clock)
     * @param equity account equity
     */
    record Sample(long time, double equity) {
    }

    private final TradingNode node;
    private final Clock clock;
    private final int capacity;
    private final ArrayDeque<Sample> samples = new ArrayDeque<>();

    EquityHistory(TradingNode node, Clock clock, int capacity) {
        this.node = node;
        this.clock = clock;
        this.capacity = capacity;
    }

    /** Takes one sample now; a sample at the same time as the last one replaces it. */
    synchronized void sample() {
        Sample s = new Sample(clock.nanos(), node.account().equity().toDouble());
        if (!samples.isEmpty() && samples.peekLast().time() >= s.time()) {
            samples.pollLast();
        }
        samples.addLast(s);
        while (samples.size() > capacity) {
            samples.pollFirst();
        }
    }

    synchronized List<Sample> samples() {
        return new ArrayList<>(samples);
    }
}
