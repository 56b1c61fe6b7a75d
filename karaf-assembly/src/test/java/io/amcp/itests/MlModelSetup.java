package io.amcp.itests;

import io.amcp.ai.features.TripleBarrier;
import io.amcp.ai.models.Classifier;
import io.amcp.ai.models.GradientBoostingTrainer;
import io.amcp.ai.models.ModelCodec;
import io.amcp.ai.models.StackingTrainer;
import io.amcp.ai.models.SvmTrainer;
import io.amcp.ai.models.TrainingPipeline;
import io.amcp.ai.models.TrainingReport;
import io.amcp.ai.models.WeightedEnsemble;
import io.amcp.ai.models.XGBoostTrainer;
import io.amcp.ai.models.registry.DataRange;
import io.amcp.ai.models.registry.ModelRegistry;
import io.amcp.ai.models.validation.PurgedKFold;
import io.amcp.api.model.BarSeries;
import io.amcp.ai.inference.Prediction;
import io.amcp.api.spi.Strategy;
import io.amcp.strategy.ml.MlStrategy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Trains and registers a model inside the running container, with the same pipeline a quant would
 * run: 134 standard features, triple-barrier labels, a chronological hold-out purged with an embargo,
 * and a stacking ensemble of the in-house gradient-boosted trees, XGBoost (its native library loaded
 * inside the container) and the SMO-trained RBF SVM, weighted out of fold. Kept apart from {@link PlatformIT} so the probe loads these classes only
 * after the AI feature is installed.
 */
final class MlModelSetup {

    private MlModelSetup() {
    }

    /** Trains on {@code series}, registers it as {@code name} under {@code registry}, returns the version number. */
    static int trainAndRegister(Path registry, String name, String dataset, BarSeries series) {
        StackingTrainer trainer = new StackingTrainer(List.of(
                new GradientBoostingTrainer(20, 0.1, 3, 10, 0.8, 0.5, 32, 1),
                new XGBoostTrainer(20, 0.1, 3, 1, 0.8, 0.8, 1, 1, 1),
                new SvmTrainer(SvmTrainer.Kernel.RBF, 1.0, 0, 1e-3, 100, 300, 0, 1)), PurgedKFold.of(3, 12));
        TrainingReport report = new TrainingPipeline(trainer, TripleBarrier.of(1, 1, 12, 20), 0.3, 2, 3)
                .run(series, (phase, done, total) -> { });
        List<String> members = ((WeightedEnsemble) report.model()).members().stream().map(Classifier::kind).toList();
        if (!members.equals(List.of("gradient-boosting", "xgboost", "svm"))) {
            throw new IllegalStateException("unexpected ensemble members " + members);
        }
        long[] time = series.time();
        return new ModelRegistry(registry).register(name, report.kind(), ModelCodec.write(report.model()),
                report.parameters(), DataRange.of(dataset, series.instrument().id().value(), time[0],
                        time[time.length - 1], report.train().length), report.metrics(), report.featureNames(),
                Instant.now().toString()).version();
    }

    /** The last class probabilities of the running ML strategy {@code id}, or null before its first prediction. */
    static double[] lastPrediction(BundleContext context, String id) {
        try {
            for (ServiceReference<Strategy> ref : context.getServiceReferences(Strategy.class, null)) {
                if (context.getService(ref) instanceof MlStrategy ml && ml.id().value().equals(id)) {
                    Prediction p = ml.lastPrediction();
                    return p == null ? null : p.probabilities();
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return null;
    }
}
