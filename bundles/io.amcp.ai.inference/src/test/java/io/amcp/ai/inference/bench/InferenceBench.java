package io.amcp.ai.inference.bench;

import io.amcp.ai.features.TripleBarrier;
import io.amcp.ai.inference.ModelLoader;
import io.amcp.ai.inference.Predictor;
import io.amcp.ai.models.Classifier;
import io.amcp.ai.models.GradientBoostingTrainer;
import io.amcp.ai.models.LogisticRegressionTrainer;
import io.amcp.ai.models.ModelTrainer;
import io.amcp.ai.models.RandomForestTrainer;
import io.amcp.ai.models.SvmTrainer;
import io.amcp.ai.models.TrainingListener;
import io.amcp.ai.models.TrainingPipeline;
import io.amcp.ai.models.TrainingSet;
import io.amcp.ai.models.XGBoostTrainer;
import io.amcp.ai.models.neural.NeuralNetClassifier;
import io.amcp.ai.models.neural.NeuralNetTrainer;
import io.amcp.ai.models.neural.SequenceWindows;
import io.amcp.datasource.file.BundledDatasets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Training time and CPU inference throughput of the model kinds on real features (134 standard
 * features of the bundled BTC/USD 5-minute bars, triple-barrier labels): random forest (100 trees,
 * depth 8), the in-house gradient boosting and XGBoost 2.1.4 (both 100 rounds x 3 classes, depth 3,
 * one thread), an RBF SVM (SMO, the newest 1000 samples), logistic regression, a DJL MLP
 * 134 -> 64 -> 3 and a DJL LSTM (8 steps x 134, state 32). Inference runs through the
 * {@link Predictor} of io.amcp.ai.inference, at batch 1 ({@code predict(row)}) and batch 1024
 * ({@code predict(rows)}); the reference measured in the same run is the logistic regression (three
 * 134-long dot products in plain Java), so ratios compare across machines. Networks run on the
 * device DJL picks (the CPU here: there is no GPU on the build machines).
 *
 * <p>Run from the repository root:
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -pl bundles/io.amcp.ai.inference
 * OMP_NUM_THREADS=1 java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 \
 *     -cp bundles/io.amcp.ai.inference/target/test-classes:bundles/io.amcp.ai.inference/target/classes:$(cat bundles/io.amcp.ai.inference/target/bench.cp) \
 *     io.amcp.ai.inference.bench.InferenceBench [seconds per measurement]
 * </pre>
 */
public final class InferenceBench {

    private InferenceBench() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2.0;
        TrainingSet data = TrainingPipeline.samples(new BundledDatasets().load(BundledDatasets.BTC_BITSTAMP).get(0),
                TripleBarrier.of(1.0, 1.0, 12, 20));
        TrainingSet windows = SequenceWindows.of(data, 8);
        System.out.printf(Locale.ROOT, "samples %d x %d features; device for networks: %s; cores %d%n", data.size(),
                data.features(), NeuralNetTrainer.preferredDevice(), Runtime.getRuntime().availableProcessors());

        Map<String, ModelTrainer> trainers = new LinkedHashMap<>();
        trainers.put("logistic regression (reference)", LogisticRegressionTrainer.defaults());
        trainers.put("random forest 100x8", RandomForestTrainer.defaults(1));
        trainers.put("gradient boosting 100x3x3", GradientBoostingTrainer.defaults(1));
        trainers.put("XGBoost 100x3x3 (native)", XGBoostTrainer.defaults(1));
        trainers.put("SVM RBF, 1000 samples", new SvmTrainer(SvmTrainer.Kernel.RBF, 1.0, 0, 1e-3, 200, 1000, 3, 1));
        trainers.put("MLP 134-64-3 (DJL)", NeuralNetTrainer.mlp(new int[] {64}, 20, 64, 0.001, 1));
        trainers.put("LSTM 8x134, 32 (DJL)", NeuralNetTrainer.lstm(32, 8, 5, 64, 0.001, 1));

        System.out.printf(Locale.ROOT, "%-34s %10s %14s %14s %10s %10s%n", "model", "train s", "batch 1 /s",
                "batch 1024 /s", "b1 ratio", "b1024 ratio");
        double referenceSingle = 0;
        double referenceBatch = 0;
        for (Map.Entry<String, ModelTrainer> e : trainers.entrySet()) {
            TrainingSet set = e.getKey().startsWith("LSTM") ? windows : data;
            long start = System.nanoTime();
            Classifier model = e.getValue().fit(set, TrainingListener.NONE);
            double trainSeconds = (System.nanoTime() - start) / 1e9;
            Predictor predictor = ModelLoader.of("bench", 1, model, 1024, 0);
            double single = perSecond(predictor, set, 1, seconds);
            double batch = perSecond(predictor, set, 1024, seconds);
            if (referenceSingle == 0) {
                referenceSingle = single;
                referenceBatch = batch;
            }
            System.out.printf(Locale.ROOT, "%-34s %10.2f %14.0f %14.0f %10.3f %10.3f%n", e.getKey(), trainSeconds, single,
                    batch, single / referenceSingle, batch / referenceBatch);
            if (model instanceof NeuralNetClassifier net) {
                net.close();
            }
        }
    }

    /** Predictions per second at a batch size, best of three rounds after a warm-up round. */
    private static double perSecond(Predictor predictor, TrainingSet set, int batch, double seconds) {
        double[][] rows = new double[batch][];
        for (int i = 0; i < batch; i++) {
            rows[i] = set.x(i % set.size());
        }
        double best = 0;
        double checksum = 0;
        for (int round = 0; round < 4; round++) {
            long count = 0;
            long start = System.nanoTime();
            long end = start + (long) (seconds / 4 * 1e9);
            while (System.nanoTime() < end) {
                if (batch == 1) {
                    checksum += predictor.predict(rows[(int) (count % rows.length)]).probability(0);
                    count++;
                } else {
                    checksum += predictor.predict(rows)[0].probability(0);
                    count += batch;
                }
            }
            double rate = count / ((System.nanoTime() - start) / 1e9);
            if (round > 0) {
                best = Math.max(best, rate);
            }
        }
        if (checksum == Double.MIN_VALUE) {
            System.out.println(checksum);
        }
        return best;
    }
}
