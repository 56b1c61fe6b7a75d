package io.amcp.ai.models;

import java.util.List;
import java.util.Map;

/**
 * What {@link TrainingPipeline#run} produced: the model trained on the purged training part, its
 * out-of-sample scores on the held-out part, a learning curve, and the held-out equity of trading
 * its signal (long for the next bar when {@link TrainingSet#UP} is the most probable class, else
 * flat) beside buying and holding over the same bars. Arrays are owned by the report.
 *
 * @param kind              the classifier kind
 * @param parameters        the trainer's hyper-parameters
 * @param model             the model trained on {@code train}
 * @param data              every sample
 * @param train             indices of the training samples (after purging)
 * @param test              indices of the held-out samples
 * @param outOfSample       scores on {@code test}
 * @param testProbabilities probabilities of the held-out samples, in {@code test} order
 * @param curveSizes        training-set sizes of the learning curve
 * @param curveTrainLoss    in-sample log loss at each size
 * @param curveTestLoss     held-out log loss at each size
 * @param equityTimes       bar end times of the held-out equity points
 * @param strategyEquity    held-out equity of the model's signal, starting at 1
 * @param buyAndHoldEquity  held-out equity of buying and holding, starting at 1
 * @param trainNanos        wall time of the final fit
 */
public record TrainingReport(String kind, Map<String, String> parameters, Classifier model, TrainingSet data,
        int[] train, int[] test, ClassificationMetrics outOfSample, double[][] testProbabilities, int[] curveSizes,
        double[] curveTrainLoss, double[] curveTestLoss, long[] equityTimes, double[] strategyEquity,
        double[] buyAndHoldEquity, long trainNanos) {

    /** Feature names in input order. */
    public List<String> featureNames() {
        return data.featureNames();
    }

    /** Held-out metrics by name, as stored in the registry. */
    public Map<String, Double> metrics() {
        return Map.of("accuracy", outOfSample.accuracy(), "logLoss", outOfSample.logLoss(),
                "priorLogLoss", ClassificationMetrics.priorLogLoss(heldOutClasses(), data.classes()),
                "strategyReturn", strategyEquity[strategyEquity.length - 1] - 1,
                "buyAndHoldReturn", buyAndHoldEquity[buyAndHoldEquity.length - 1] - 1,
                "trainSeconds", trainNanos / 1e9);
    }

    /** Classes of the held-out samples, in {@code test} order. */
    public int[] heldOutClasses() {
        int[] out = new int[test.length];
        for (int k = 0; k < test.length; k++) {
            out[k] = data.y(test[k]);
        }
        return out;
    }
}
