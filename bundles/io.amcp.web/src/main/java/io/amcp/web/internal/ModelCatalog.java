package io.amcp.web.internal;

import io.amcp.ai.models.registry.ModelRegistry;
import io.amcp.ai.models.registry.ModelVersion;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Read-only view of the model registry ({@code io.amcp.ai.models}) for the console's AI/ML tab:
 * every registered version with its kind, training data range, hyper-parameters and out-of-sample
 * metrics. Each version is one training run.
 */
final class ModelCatalog {

    private ModelCatalog() {
    }

    static JsonArray list(Optional<Path> root) {
        JsonArray out = new JsonArray();
        if (root.isEmpty() || !Files.isDirectory(root.get())) {
            return out;
        }
        ModelRegistry registry = new ModelRegistry(root.get());
        for (String name : registry.names()) {
            for (ModelVersion v : registry.versions(name)) {
                out.add(new JsonObject().put("name", v.name()).put("version", v.version()).put("kind", v.kind())
                        .put("format", v.format()).put("trained_at", v.trainedAt()).put("sha256", v.sha256())
                        .put("dataset", v.data().dataset()).put("instrument", v.data().instrument())
                        .put("data_from", Instant.ofEpochSecond(0, v.data().firstTime()).toString())
                        .put("data_to", Instant.ofEpochSecond(0, v.data().lastTime()).toString())
                        .put("samples", v.data().samples()).put("parameters", new JsonObject(Map.copyOf(v.parameters())))
                        .put("metrics", new JsonObject(Map.copyOf(v.metrics())))
                        .put("features", new JsonArray(v.features())));
            }
        }
        return out;
    }
}
