package io.amcp.ai.research.swarm;

import io.amcp.ai.research.internal.Stats;
import io.amcp.ai.research.report.ResearchReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A consensus of many simple agents as a trading signal. Each agent looks only at closes up to bar
 * {@code t} and votes +1 (up), -1 (down) or 0:
 * <ul>
 *   <li>momentum(L): the sign of {@code close[t] / close[t-L] - 1};</li>
 *   <li>mean reversion(L, z): -1 when the close is more than z standard deviations above its L-bar
 *       mean, +1 when more than z below, else 0;</li>
 *   <li>breakout(L): +1 when the close is above the highest of the previous L closes, -1 when below
 *       the lowest, else its previous vote.</li>
 * </ul>
 * The consensus is the mean vote; the position for bar {@code t+1} is long (1) when it is positive,
 * else flat (0), decided at the close of {@code t}. Every position change pays {@code costBps}.
 */
public final class AgentConsensus {

    /** The rule an agent follows. */
    public enum Kind {
        /** Sign of the return over the lookback. */
        MOMENTUM,
        /** Against a z-score beyond the threshold. */
        MEAN_REVERSION,
        /** With a close beyond the range of the lookback. */
        BREAKOUT
    }

    /**
     * One agent: a rule and its parameters.
     *
     * @param kind      the rule
     * @param lookback  bars it looks back, at least 2
     * @param threshold z-score threshold of {@link Kind#MEAN_REVERSION}, not negative (ignored otherwise)
     */
    public record Agent(Kind kind, int lookback, double threshold) {

        public Agent {
            java.util.Objects.requireNonNull(kind, "kind");
            if (lookback < 2) {
                throw new IllegalArgumentException("lookback: must be at least 2, was " + lookback);
            }
            if (!(threshold >= 0)) {
                throw new IllegalArgumentException("threshold: must not be negative, was " + threshold);
            }
        }

        /** The agent's vote at every bar (0 while its lookback is not filled). */
        public int[] votes(double[] close) {
            int n = close.length;
            int[] v = new int[n];
            for (int t = lookback; t < n; t++) {
                switch (kind) {
                    case MOMENTUM -> v[t] = (int) Math.signum(close[t] / close[t - lookback] - 1);
                    case MEAN_REVERSION -> {
                        double m = 0;
                        for (int i = t - lookback + 1; i <= t; i++) {
                            m += close[i];
                        }
                        m /= lookback;
                        double s = 0;
                        for (int i = t - lookback + 1; i <= t; i++) {
                            s += (close[i] - m) * (close[i] - m);
                        }
                        s = Math.sqrt(s / (lookback - 1));
                        double z = s == 0 ? 0 : (close[t] - m) / s;
                        v[t] = z > threshold ? -1 : z < -threshold ? 1 : 0;
                    }
                    case BREAKOUT -> {
                        double hi = Double.NEGATIVE_INFINITY;
                        double lo = Double.POSITIVE_INFINITY;
                        for (int i = t - lookback; i < t; i++) {
                            hi = Math.max(hi, close[i]);
                            lo = Math.min(lo, close[i]);
                        }
                        v[t] = close[t] > hi ? 1 : close[t] < lo ? -1 : v[t - 1];
                    }
                }
            }
            return v;
        }
    }

    private AgentConsensus() {
    }

    /**
     * The standard population: momentum with 40 lookbacks (2 to 80 by 2), mean reversion with 20
     * lookbacks (5 to 100 by 5) times thresholds 0.5, 1, 1.5 and 2, and breakout with 40 lookbacks
     * (3 to 120 by 3): 160 agents.
     */
    public static List<Agent> population() {
        List<Agent> out = new ArrayList<>();
        for (int l = 2; l <= 80; l += 2) {
            out.add(new Agent(Kind.MOMENTUM, l, 0));
        }
        for (int l = 5; l <= 100; l += 5) {
            for (double z : new double[] {0.5, 1, 1.5, 2}) {
                out.add(new Agent(Kind.MEAN_REVERSION, l, z));
            }
        }
        for (int l = 3; l <= 120; l += 3) {
            out.add(new Agent(Kind.BREAKOUT, l, 0));
        }
        return out;
    }

    /** Mean vote of the agents at every bar. */
    public static double[] consensus(List<Agent> agents, double[] close) {
        double[] c = new double[close.length];
        for (Agent a : agents) {
            int[] v = a.votes(close);
            for (int t = 0; t < c.length; t++) {
                c[t] += v[t];
            }
        }
        for (int t = 0; t < c.length; t++) {
            c[t] /= agents.size();
        }
        return c;
    }

    /**
     * Per-bar returns of trading a signal long/flat: the position held over bar {@code t+1} is 1 when
     * {@code signal[t] > 0}; a change of position costs {@code costBps} basis points. Returns for bars
     * {@code from+1 .. n-1}.
     */
    public static double[] longFlatReturns(double[] signal, double[] close, int from, double costBps) {
        double[] r = new double[close.length - 1 - from];
        int previous = from > 0 && signal[from - 1] > 0 ? 1 : 0;
        for (int t = from; t < close.length - 1; t++) {
            int position = signal[t] > 0 ? 1 : 0;
            double cost = position != previous ? costBps / 1e4 : 0;
            r[t - from] = position * (close[t + 1] / close[t] - 1) - cost;
            previous = position;
        }
        return r;
    }

    /** The outcome of {@link #study}. */
    public record Outcome(double consensusSharpe, double momentumSharpe, double buyAndHoldSharpe, double consensusReturn,
            double momentumReturn, double buyAndHoldReturn, int agents, ResearchReport report) {
    }

    /**
     * Compares the consensus of {@link #population()} with a single momentum(20) agent and buy and
     * hold over the last {@code 1 - inSampleFraction} of the bars. Nothing is fitted: the first part
     * only warms the agents up, so the comparison is out of sample for all three.
     */
    public static Outcome study(String dataset, double[] close, double periodsPerYear, double inSampleFraction,
            double costBps) {
        if (!(inSampleFraction > 0 && inSampleFraction < 1)) {
            throw new IllegalArgumentException("inSampleFraction: must be in (0, 1), was " + inSampleFraction);
        }
        List<Agent> agents = population();
        int from = (int) Math.round(close.length * inSampleFraction);
        double[] c = consensus(agents, close);
        double[] m = new double[close.length];
        int[] mv = new Agent(Kind.MOMENTUM, 20, 0).votes(close);
        for (int t = 0; t < m.length; t++) {
            m[t] = mv[t];
        }
        double[] consensusR = longFlatReturns(c, close, from, costBps);
        double[] momentumR = longFlatReturns(m, close, from, costBps);
        double[] hold = new double[close.length];
        java.util.Arrays.fill(hold, 1);
        double[] holdR = longFlatReturns(hold, close, from, 0);
        double cs = Stats.sharpe(consensusR, periodsPerYear);
        double ms = Stats.sharpe(momentumR, periodsPerYear);
        double hs = Stats.sharpe(holdR, periodsPerYear);
        double consensusReturn = Stats.compounded(consensusR);
        boolean beat = cs > ms && cs > hs && consensusReturn > 0;
        ResearchReport report = ResearchReport.of("swarm-consensus-" + dataset,
                "Consensus of " + agents.size() + " agents on " + dataset,
                agents.size() + " agents (40 momentum, 80 mean-reversion, 40 breakout, varied lookbacks) vote each bar; "
                        + "long when the mean vote is positive, else flat, decided at the close and held over the next bar, "
                        + costBps + " bps per position change. Evaluated on the last "
                        + Math.round((1 - inSampleFraction) * 100) + "% of " + close.length + " bars; nothing is fitted.",
                "a single momentum(20) agent, and buy and hold; a loss-making consensus never counts as beating them", beat,
                String.format(Locale.ROOT, "out-of-sample Sharpe consensus %.3f vs momentum(20) %.3f vs buy and hold %.3f; "
                        + "return consensus %.4f vs momentum(20) %.4f vs buy and hold %.4f", cs, ms, hs, consensusReturn,
                        Stats.compounded(momentumR), Stats.compounded(holdR)))
                .figure("agents", agents.size()).figure("oosSharpeConsensus", cs).figure("oosSharpeMomentum20", ms)
                .figure("oosSharpeBuyAndHold", hs).figure("oosReturnConsensus", Stats.compounded(consensusR))
                .figure("oosReturnMomentum20", Stats.compounded(momentumR))
                .figure("oosReturnBuyAndHold", Stats.compounded(holdR))
                .figure("oosMaxDrawdownConsensus", Stats.maxDrawdown(Stats.equity(consensusR)))
                .figure("oosMaxDrawdownBuyAndHold", Stats.maxDrawdown(Stats.equity(holdR)))
                .chart("Out-of-sample growth of 1").line("consensus", Stats.equity(consensusR))
                .line("momentum(20)", Stats.equity(momentumR)).line("buy and hold", Stats.equity(holdR));
        return new Outcome(cs, ms, hs, consensusReturn, Stats.compounded(momentumR),
                Stats.compounded(holdR), agents.size(), report);
    }
}
