package io.amcp.cli;

import io.amcp.api.model.BarSeries;
import io.amcp.api.model.Money;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.StrategyId;
import io.amcp.api.spi.Clock;
import io.amcp.backtest.BacktestEngine;
import io.amcp.backtest.BacktestRun;
import io.amcp.broker.paper.PaperExchange;
import io.amcp.broker.paper.PaperSettings;
import io.amcp.datasource.file.BarSize;
import io.amcp.datasource.file.SyntheticBarGenerator;
import io.amcp.datasource.file.SyntheticSpec;
import io.amcp.strategy.smacross.SmaCrossStrategy;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code amcp bench backtest}: bar events per second through the full kernel (SMA-cross strategy, risk
 * chain, OMS, ledger, paper-exchange matching) on synthetic minute bars, one thread, printed beside
 * a reference measured in the same run: the same SMA crossover over the same arrays in a bare loop
 * with no platform at all. Heap used after the run (after a GC) is printed too. Besides wall-clock
 * rates it prints bars per second of the benchmark thread's own CPU time, which other processes on
 * a shared machine disturb far less.
 */
@Command(name = "bench", description = "Benchmarks that print a figure beside a reference measured in the same run.",
        subcommands = BenchCommand.Backtest.class)
final class BenchCommand implements Runnable {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "bench: name a benchmark (backtest)");
    }

    @Command(name = "backtest", description = "Kernel backtest throughput (SMA cross, OMS, paper fills) against a bare loop.")
    static final class Backtest implements Callable<Integer> {

        /** Runs before the timed ones, so that the JIT has compiled the hot path (several tiers) first. */
        private static final int WARM_UP_RUNS = 3;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--bars", defaultValue = "1000000", description = "Minute bars to replay (default ${DEFAULT-VALUE})")
        long bars;

        @Option(names = "--runs", defaultValue = "3", description = "Timed runs; the best is reported (default ${DEFAULT-VALUE})")
        int runs;

        @Option(names = "--fast", defaultValue = "10", description = "Fast SMA period; shorter periods trade more (default ${DEFAULT-VALUE})")
        int fast;

        @Option(names = "--slow", defaultValue = "30", description = "Slow SMA period (default ${DEFAULT-VALUE})")
        int slow;

        @Override
        public Integer call() {
            if (bars < 10_000 || bars > 50_000_000) {
                throw new IllegalArgumentException("--bars: must be in [10000, 50000000], was " + bars);
            }
            if (runs < 1 || runs > 20) {
                throw new IllegalArgumentException("--runs: must be in [1, 20], was " + runs);
            }
            if (fast < 1 || slow <= fast || slow > 100_000) {
                throw new IllegalArgumentException("--slow: must be greater than --fast (" + fast + ") and at most 100000, was " + slow);
            }
            PrintWriter out = spec.commandLine().getOut();
            double years = bars / (252.0 * 390.0) + 0.02;
            SyntheticBarGenerator generator = new SyntheticBarGenerator(SyntheticSpec.of(1, years, BarSize.ONE_MINUTE, 7));
            BarSeries full = generator.series(0);
            int n = (int) Math.min(bars, full.size());
            BarSeries series = new BarSeries(full.instrument(), java.util.Arrays.copyOf(full.time(), n),
                    java.util.Arrays.copyOf(full.open(), n), java.util.Arrays.copyOf(full.high(), n),
                    java.util.Arrays.copyOf(full.low(), n), java.util.Arrays.copyOf(full.close(), n),
                    java.util.Arrays.copyOf(full.volume(), n));
            full = null;
            out.printf("bench backtest: %,d synthetic 1-minute bars, SMA %d/%d, %d timed runs (best of), 1 thread%n", n,
                    fast, slow, runs);
            out.flush();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            double bestKernel = 0;
            double bestKernelCpu = 0;
            double bestBare = 0;
            long fills = 0;
            for (int r = -WARM_UP_RUNS; r < runs; r++) {
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                BacktestRun run = new BacktestEngine(Money.of("100000000"), 1.0, List.of()).run(List.of(series),
                        new SmaCrossStrategy(StrategyId.of("bench"), series.instrument().id(), fast, slow, Quantity.of(10)),
                        (Clock c) -> new PaperExchange(c, PaperSettings.FRICTIONLESS), null);
                double kernelRate = n / ((System.nanoTime() - t0) / 1e9);
                double kernelCpuRate = n / ((threads.getCurrentThreadCpuTime() - c0) / 1e9);
                fills = run.fills().size();
                long t1 = System.nanoTime();
                long crosses = bareLoop(series, fast, slow);
                double bareRate = n / ((System.nanoTime() - t1) / 1e9);
                if (r >= 0) {
                    bestKernel = Math.max(bestKernel, kernelRate);
                    bestKernelCpu = Math.max(bestKernelCpu, kernelCpuRate);
                    bestBare = Math.max(bestBare, bareRate);
                }
                out.printf("  run %d%s: kernel %,.0f bars/s (%,.0f per CPU-second), bare loop %,.0f bars/s (%d fills, %d crosses)%n",
                        r, r < 0 ? " (warm-up)" : "", kernelRate, kernelCpuRate, bareRate, fills, crosses);
                out.flush();
            }
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            out.printf("kernel:    %,.0f bar events/s wall clock, %,.0f per second of the thread's CPU time%n",
                    bestKernel, bestKernelCpu);
            out.printf("reference: %,.0f bars/s (bare SMA-cross loop, same data)%n", bestBare);
            out.printf("ratio:     kernel runs at %.1f%% of the bare loop%n", 100 * bestKernel / bestBare);
            out.printf("orders:    %,d fills, one per %,.0f bars%n", fills, fills == 0 ? Double.NaN : n / (double) fills);
            out.printf("heap used after run (post-GC): %,d MB; max heap %,d MB%n", heap >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
            out.flush();
            return 0;
        }

        /** The SMA crossover decision alone, on primitive arrays: the floor the kernel is measured against. */
        private static long bareLoop(BarSeries s, int fast, int slow) {
            long[] close = s.close();
            double fastSum = 0;
            double slowSum = 0;
            int lastSign = 0;
            long crosses = 0;
            for (int i = 0; i < close.length; i++) {
                double c = close[i] / 1e8;
                fastSum += c;
                slowSum += c;
                if (i >= fast) {
                    fastSum -= close[i - fast] / 1e8;
                }
                if (i >= slow) {
                    slowSum -= close[i - slow] / 1e8;
                }
                if (i + 1 >= slow) {
                    double d = fastSum / fast - slowSum / slow;
                    int sign = d > 0 ? 1 : d < 0 ? -1 : lastSign;
                    if (lastSign != 0 && sign != lastSign) {
                        crosses++;
                    }
                    lastSign = sign;
                }
            }
            return crosses;
        }
    }
}
