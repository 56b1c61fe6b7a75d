package io.amcp.ai.research.gan;

import io.amcp.ai.research.internal.Stats;
import io.amcp.ai.research.report.ResearchReport;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Judges a {@link ReturnGan} on real returns out of sample. The log returns are split in time: the
 * GAN and both baselines see only the first {@code trainFraction} (standardised by its mean and
 * deviation); their samples are compared with non-overlapping windows of the later, held-out
 * returns on three stylised facts: kurtosis (fat tails), mean autocorrelation of absolute returns
 * at lags 1-5 within windows (volatility clustering), and the Kolmogorov-Smirnov distance of the
 * marginal distribution. Baselines: GBM (independent normal returns) and the i.i.d. bootstrap of
 * the training returns. The GAN beats the baselines when it is closer to the held-out data than
 * both on at least two of the three facts.
 *
 * <p>Stress test: a long/flat momentum rule (long over the next step when the sum of the last 3
 * returns is positive) runs on every window; the report gives its mean, 5% quantile and mean
 * maximum drawdown per window under each source, in real (de-standardised) returns.
 *
 * @param dataset       name for the report
 * @param logReturns    the real log returns in time order
 * @param trainFraction share used for training, in (0, 1)
 * @param gan           the GAN's settings
 * @param samples       windows to draw from each generator
 */
public record GanStudy(String dataset, double[] logReturns, double trainFraction, ReturnGan gan, int samples) {

    /** The facts of one source: kurtosis, clustering, lag-1 autocorrelation of returns, KS to the held-out data. */
    public record Facts(double kurtosis, double clustering, double lagOneAutocorrelation, double ksToHeldOut) {
        double[] toArray() {
            return new double[] {kurtosis, clustering, lagOneAutocorrelation, ksToHeldOut};
        }
    }

    /** The outcome. */
    public record Outcome(Facts heldOut, Facts gan, Facts gbm, Facts bootstrap, int factsWonAgainstBoth,
            double[] stressGan, double[] stressGbm, double[] stressBootstrap, double[] stressHeldOut,
            ResearchReport report) {
    }

    /** Trains, samples and compares. */
    public Outcome run() {
        int w = gan.window();
        int split = (int) Math.round(logReturns.length * trainFraction);
        double[] train = Arrays.copyOfRange(logReturns, 0, split);
        double mean = Stats.mean(train);
        double sd = Stats.std(train);
        double[] z = new double[logReturns.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = (logReturns[i] - mean) / sd;
        }
        double[][] trainWindows = new double[split - w + 1][];
        for (int i = 0; i < trainWindows.length; i++) {
            trainWindows[i] = Arrays.copyOfRange(z, i, i + w);
        }
        double[][] heldOut = new double[(logReturns.length - split) / w][];
        for (int i = 0; i < heldOut.length; i++) {
            heldOut[i] = Arrays.copyOfRange(z, split + i * w, split + (i + 1) * w);
        }
        double[][] generated = gan.train(trainWindows).sample(samples, gan.seed() + 100);
        SplittableRandom random = new SplittableRandom(gan.seed() + 200);
        double[][] gbm = new double[samples][w];
        double[][] bootstrap = new double[samples][w];
        double[] trainZ = Arrays.copyOfRange(z, 0, split);
        for (int i = 0; i < samples; i++) {
            for (int t = 0; t < w; t++) {
                gbm[i][t] = Stats.gaussian(random);
                bootstrap[i][t] = trainZ[random.nextInt(split)];
            }
        }
        double[] heldOutFlat = StylisedFacts.flatten(heldOut);
        Facts real = facts(heldOut, heldOutFlat);
        Facts g = facts(generated, heldOutFlat);
        Facts n = facts(gbm, heldOutFlat);
        Facts b = facts(bootstrap, heldOutFlat);
        int won = 0;
        if (closer(g.kurtosis(), n.kurtosis(), b.kurtosis(), real.kurtosis())) {
            won++;
        }
        if (closer(g.clustering(), n.clustering(), b.clustering(), real.clustering())) {
            won++;
        }
        if (g.ksToHeldOut() < n.ksToHeldOut() && g.ksToHeldOut() < b.ksToHeldOut()) {
            won++;
        }
        double[] sG = stress(generated, mean, sd);
        double[] sN = stress(gbm, mean, sd);
        double[] sB = stress(bootstrap, mean, sd);
        double[] sR = stress(heldOut, mean, sd);
        boolean beat = won >= 2;
        ResearchReport report = ResearchReport.of("gan-" + dataset, "GAN return paths against real " + dataset + " returns",
                "MLP GAN (generator " + gan.noise() + "->" + gan.hidden() + "->" + gan.hidden() + "->" + w + ", discriminator "
                        + w + "->" + gan.hidden() + "->" + gan.hidden() + "->1, leaky ReLU, Adam " + gan.rate() + ", "
                        + gan.steps() + " steps of " + gan.batch() + ") trained on windows of the first "
                        + Math.round(trainFraction * 100) + "% of " + logReturns.length + " standardised log returns; "
                        + samples + " windows from each source compared with " + heldOut.length
                        + " held-out windows. Facts: kurtosis, mean |r| autocorrelation lags 1-5, KS distance.",
                "GBM (i.i.d. normal) and the i.i.d. bootstrap of the training returns", beat,
                String.format(Locale.ROOT, "GAN closer to the held-out data than both baselines on %d of 3 facts; kurtosis "
                        + "held-out %.2f GAN %.2f GBM %.2f bootstrap %.2f; |r| autocorrelation held-out %.3f GAN %.3f GBM "
                        + "%.3f bootstrap %.3f; KS GAN %.3f GBM %.3f bootstrap %.3f", won, real.kurtosis(), g.kurtosis(),
                        n.kurtosis(), b.kurtosis(), real.clustering(), g.clustering(), n.clustering(), b.clustering(),
                        g.ksToHeldOut(), n.ksToHeldOut(), b.ksToHeldOut()))
                .figure("heldOutFacts", real.toArray()).figure("ganFacts", g.toArray()).figure("gbmFacts", n.toArray())
                .figure("bootstrapFacts", b.toArray())
                .figure("factsOrder", "kurtosis, |r| autocorrelation lags 1-5, lag-1 autocorrelation, KS to held-out")
                .figure("factsWonAgainstBothBaselines", won)
                .figure("stressOrder", "momentum(3) per-window return: mean, 5% quantile, mean max drawdown")
                .figure("stressGan", sG).figure("stressGbm", sN).figure("stressBootstrap", sB).figure("stressHeldOut", sR)
                .chart("Pooled |r| autocorrelation by lag (1-10)").line("held-out real", acfCurve(heldOut))
                .line("GAN", acfCurve(generated)).line("GBM", acfCurve(gbm)).line("bootstrap", acfCurve(bootstrap));
        return new Outcome(real, g, n, b, won, sG, sN, sB, sR, report);
    }

    private static boolean closer(double candidate, double a, double b, double target) {
        double d = Math.abs(candidate - target);
        return d < Math.abs(a - target) && d < Math.abs(b - target);
    }

    static Facts facts(double[][] windows, double[] heldOutFlat) {
        double[] flat = StylisedFacts.flatten(windows);
        return new Facts(StylisedFacts.kurtosis(flat), StylisedFacts.volatilityClustering(windows, 5),
                StylisedFacts.pooledAutocorrelation(windows, 1, false), StylisedFacts.ksDistance(flat, heldOutFlat));
    }

    private static double[] acfCurve(double[][] windows) {
        int max = Math.min(10, windows[0].length - 1);
        double[] c = new double[max];
        for (int lag = 1; lag <= max; lag++) {
            c[lag - 1] = StylisedFacts.pooledAutocorrelation(windows, lag, true);
        }
        return c;
    }

    /** {mean, 5% quantile, mean max drawdown} of momentum(3) long/flat over each window. */
    static double[] stress(double[][] windows, double mean, double sd) {
        double[] results = new double[windows.length];
        double drawdowns = 0;
        for (int i = 0; i < windows.length; i++) {
            double[] w = windows[i];
            double[] r = new double[w.length - 3];
            for (int t = 3; t < w.length; t++) {
                double signal = w[t - 1] + w[t - 2] + w[t - 3];
                r[t - 3] = signal > 0 ? Math.expm1(mean + sd * w[t]) : 0;
            }
            results[i] = Stats.compounded(r);
            drawdowns += Stats.maxDrawdown(Stats.equity(r));
        }
        double[] sorted = results.clone();
        Arrays.sort(sorted);
        return new double[] {Stats.mean(results), sorted[(int) Math.floor(0.05 * (sorted.length - 1))],
                drawdowns / windows.length};
    }
}
