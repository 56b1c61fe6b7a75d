package io.amcp.ai.models.registry;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One registered model version: what {@code metadata.json} beside the model bytes holds.
 *
 * @param name        model name: lower case letters, digits, '-' and '_'
 * @param version     1, 2, ... in registration order
 * @param kind        the classifier kind, e.g. {@code gradient-boosting}
 * @param format      the bytes' magic ({@code AMCPMDL1} plain Java, {@code AMCPNN01} DJL network)
 * @param parameters  hyper-parameters as text
 * @param data        the training data
 * @param metrics     out-of-sample metrics by name (accuracy, logLoss, ...)
 * @param features    feature names in input order
 * @param trainedAt   when training finished, ISO-8601 instant text
 * @param sha256      hex SHA-256 of the model bytes
 */
public record ModelVersion(String name, int version, String kind, String format, Map<String, String> parameters,
        DataRange data, Map<String, Double> metrics, List<String> features, String trainedAt, String sha256) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    public ModelVersion {
        checkName(name);
        if (version < 1) {
            throw new IllegalArgumentException("version: must be at least 1, got " + version);
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(format, "format");
        parameters = Map.copyOf(parameters);
        Objects.requireNonNull(data, "data");
        metrics = Map.copyOf(metrics);
        features = List.copyOf(features);
        Objects.requireNonNull(trainedAt, "trainedAt");
        Objects.requireNonNull(sha256, "sha256");
    }

    /**
     * @throws IllegalArgumentException naming {@code name} when it is not a valid model name
     */
    public static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name: must match [a-z0-9][a-z0-9_-]{0,63}, got '" + name + "'");
        }
        return name;
    }
}
