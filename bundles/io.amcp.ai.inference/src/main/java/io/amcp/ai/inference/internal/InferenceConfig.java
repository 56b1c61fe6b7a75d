package io.amcp.ai.inference.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One loaded model, factory PID {@code io.amcp.ai.inference} ({@code io.amcp.ai.inference-<name>.cfg}).
 * The component registers a {@code Predictor} whose service properties include these keys, so a
 * strategy selects it with a target such as {@code (model.name=btc-gbt)}.
 */
@ObjectClassDefinition(name = "AMCP model inference", description = "Loads a registered model as a Predictor service")
public @interface InferenceConfig {

    @AttributeDefinition(name = "model.name", description = "Registered model name")
    String model_name();

    @AttributeDefinition(name = "model.version", description = "Version to load; 0 for the promoted one (the latest when none was promoted)")
    int model_version() default 0;

    @AttributeDefinition(description = "Registry root folder (models/<name>/<version>/ below it)")
    String registry() default "models";

    @AttributeDefinition(description = "Where networks run: AUTO (GPU when present), CPU or GPU")
    String device() default "AUTO";

    @AttributeDefinition(description = "Most rows per batch of queued requests", min = "1")
    int maxBatch() default 256;

    @AttributeDefinition(description = "Longest wait for a batch to fill, microseconds", min = "0")
    long maxWaitMicros() default 200;
}
