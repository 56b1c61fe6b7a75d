package io.amcp.ai.inference.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.amcp.ai.models.Classifier;
import io.amcp.ai.models.LogisticRegressionTrainer;
import io.amcp.ai.models.ModelCodec;
import io.amcp.ai.models.TrainingListener;
import io.amcp.ai.models.TrainingSet;
import io.amcp.ai.models.registry.DataRange;
import io.amcp.ai.models.registry.ModelRegistry;
import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InferenceComponentTest {

    private static InferenceConfig config(String registry, String name, int version, String device) {
        return new InferenceConfig() {
            @Override public Class<? extends Annotation> annotationType() { return InferenceConfig.class; }
            @Override public String model_name() { return name; }
            @Override public int model_version() { return version; }
            @Override public String registry() { return registry; }
            @Override public String device() { return device; }
            @Override public int maxBatch() { return 8; }
            @Override public long maxWaitMicros() { return 100; }
        };
    }

    @Test
    void activatesOnTheConfiguredVersionAndNamesABadDevice(@TempDir Path dir) {
        double[][] x = {{1}, {1}, {-1}, {-1}};
        TrainingSet data = TrainingSet.of(x, new int[] {1, 1, 0, 0}, new int[] {0, 1, 2, 3}, new int[] {0, 1, 2, 3},
                new long[] {0, 1, 2, 3}, List.of("f"), 2);
        Classifier model = LogisticRegressionTrainer.defaults().fit(data, TrainingListener.NONE);
        ModelRegistry registry = new ModelRegistry(dir);
        for (int i = 0; i < 2; i++) {
            registry.register("lr", model.kind(), ModelCodec.write(model), Map.of(), DataRange.of("d", "X", 0, 3, 4),
                    Map.of(), data.featureNames(), "t");
        }
        InferenceComponent latest = new InferenceComponent(config(dir.toString(), "lr", 0, "auto"));
        assertThat(latest.modelVersion()).isEqualTo(2);
        assertThat(latest.predict(new double[] {1}).probabilities()).containsExactly(model.probabilities(new double[] {1}));
        latest.deactivate();
        InferenceComponent first = new InferenceComponent(config(dir.toString(), "lr", 1, "CPU"));
        assertThat(first.modelVersion()).isEqualTo(1);
        assertThat(first.submit(new double[] {-1}).join().predictedClass()).isZero();
        first.deactivate();
        assertThatThrownBy(() -> new InferenceComponent(config(dir.toString(), "lr", 0, "tpu")))
                .hasMessageStartingWith("device:");
    }
}
