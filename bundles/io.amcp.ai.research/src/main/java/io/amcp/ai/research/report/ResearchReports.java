package io.amcp.ai.research.report;

import io.amcp.ai.features.FeatureEngine;
import io.amcp.ai.models.LogisticRegressionTrainer;
import io.amcp.ai.research.gan.GanAugmentationStudy;
import io.amcp.ai.research.gan.GanStudy;
import io.amcp.ai.research.gan.ReturnGan;
import io.amcp.ai.research.internal.Stats;
import io.amcp.ai.research.metarl.MetaLearningStudy;
import io.amcp.ai.research.metarl.Reptile;
import io.amcp.ai.research.nas.Architecture;
import io.amcp.ai.research.nas.ArchitectureStudy;
import io.amcp.ai.research.nas.MlpTrainer;
import io.amcp.ai.research.qubo.PortfolioSelectionStudy;
import io.amcp.ai.research.swarm.AgentConsensus;
import io.amcp.ai.research.swarm.SmaParameterStudy;
import io.amcp.api.model.BarSeries;
import io.amcp.datasource.file.BundledDatasets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every research study on the bundled data and writes the reports. Usage:
 * {@code java -cp ... io.amcp.ai.research.report.ResearchReports [outputDir] [--quick]}; the
 * default directory is {@code target/research}. {@code --quick} uses the small sizes of the unit
 * tests; without it the full sizes of the documented results run (a few minutes on 2 cores).
 */
public final class ResearchReports {

    /** Bars per year of 5-minute crypto bars (365 x 288). */
    public static final double FIVE_MINUTE_BARS_PER_YEAR = 365 * 288.0;

    private ResearchReports() {
    }

    /** Runs all studies at full or quick size and returns their reports (not yet written). */
    public static List<ResearchReport> all(boolean quick) {
        BundledDatasets data = new BundledDatasets();
        BarSeries aapl = data.load(BundledDatasets.AAPL_2013).get(0);
        BarSeries btc = data.load(BundledDatasets.BTC_BITSTAMP).get(0);
        BarSeries eth = data.load(BundledDatasets.ETH_5MIN).get(0);
        List<ResearchReport> out = new ArrayList<>();
        out.add(new PortfolioSelectionStudy(quick ? 12 : 20, 5, 20, 252, 63, quick ? 4 : 12, quick ? 100 : 400, 42).run()
                .report());
        out.add(new SmaParameterStudy("aapl", aapl, 252, 0.6, 30, 60, quick ? 5 : 12, quick ? 4 : 15, 42).run().report());
        out.add(new SmaParameterStudy("btc", btc, FIVE_MINUTE_BARS_PER_YEAR, 0.6, 60, 150, quick ? 5 : 12,
                quick ? 4 : 15, 42).run().report());
        out.add(AgentConsensus.study("btc", btc.closesAsDouble(), FIVE_MINUTE_BARS_PER_YEAR, 0.5, 5).report());
        out.add(AgentConsensus.study("eth", eth.closesAsDouble(), FIVE_MINUTE_BARS_PER_YEAR, 0.5, 5).report());
        out.add(AgentConsensus.study("aapl", aapl.closesAsDouble(), 252, 0.5, 5).report());
        out.add(new ArchitectureStudy("btc", btc, quick ? 4 : 8, quick ? 3 : 8, quick ? 72 : 960, quick ? 5 : 20, 42).run()
                .report());
        out.add(new ArchitectureStudy("btc-recurrent", btc, quick ? 4 : 8, quick ? 3 : 8, quick ? 72 : 960, quick ? 5 : 20, 42,
                quick ? 4 : 8).run().report());
        out.add(new MetaLearningStudy(new Reptile(quick ? 300 : 2000, 5, 0.5, 0.5, 64), quick ? 40 : 200, 5, 42).run()
                .report());
        out.add(new GanStudy("btc", Stats.logReturns(btc.closesAsDouble()), 0.7,
                new ReturnGan(24, 8, quick ? 32 : 64, quick ? 400 : 3000, 32, 1e-3, 42), 2000).run().report());
        int pathBars = FeatureEngine.standard().registry().maxLookback() + (quick ? 40 : 200);
        for (BarSeries series : List.of(btc, eth)) {
            out.add(new GanAugmentationStudy(series == btc ? "btc" : "eth", series,
                    new ReturnGan(24, 8, quick ? 16 : 64, quick ? 100 : 3000, 32, 1e-3, 42), LogisticRegressionTrainer.defaults(),
                    quick ? 2 : 10, pathBars, 42).run().report());
        }
        out.add(new GanAugmentationStudy("btc-mlp", btc, new ReturnGan(24, 8, quick ? 16 : 64, quick ? 100 : 3000, 32, 1e-3, 42),
                new MlpTrainer(Architecture.defaults(), quick ? 3 : 20, 42), quick ? 2 : 10, pathBars, 42).run().report());
        return out;
    }

    /** Writes every report and prints each verdict. */
    public static void main(String[] args) {
        boolean quick = false;
        Path dir = Path.of("target", "research");
        for (String a : args) {
            if (a.equals("--quick")) {
                quick = true;
            } else {
                dir = Path.of(a);
            }
        }
        for (ResearchReport r : all(quick)) {
            r.write(dir);
            System.out.println(r.id() + ": " + r.verdict());
        }
        System.out.println("reports in " + dir.toAbsolutePath());
    }
}
