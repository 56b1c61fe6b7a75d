package io.amcp.ai.inference;

import ai.djl.Device;
import ai.djl.engine.Engine;
import io.amcp.ai.inference.internal.ClassifierPredictor;
import io.amcp.ai.models.Classifier;
import io.amcp.ai.models.ModelCodec;
import io.amcp.ai.models.XGBoostModel;
import io.amcp.ai.models.neural.NeuralNetClassifier;
import io.amcp.ai.models.neural.NeuralNetCodec;
import io.amcp.ai.models.registry.ModelRegistry;
import io.amcp.ai.models.registry.ModelVersion;
import java.util.Objects;

/**
 * Loads registered models as {@link Predictor}s: plain-Java models (trees, linear, ensembles) are read
 * natively and run on the CPU; neural networks are read through DJL onto the device {@link
 * #device(DeviceChoice)} picks (CUDA when a GPU is present and allowed, else the CPU). The
 * predictors returned are also {@link AutoCloseable}: close them to stop their batching thread and
 * free native memory.
 */
public final class ModelLoader {

    private ModelLoader() {
    }

    /**
     * Loads a registered version.
     *
     * @param version       the version, or 0 for the promoted one (the latest when none was promoted)
     * @param maxBatch      most rows per batch of {@link Predictor#submit}
     * @param maxWaitMicros longest wait for a batch to fill, microseconds
     * @throws IllegalArgumentException naming {@code name} or {@code version} when not registered
     */
    public static Predictor load(ModelRegistry registry, String name, int version, DeviceChoice device, int maxBatch,
            long maxWaitMicros) {
        Objects.requireNonNull(registry, "registry");
        ModelVersion meta = version == 0
                ? registry.promoted(name).or(() -> registry.latest(name)).orElseThrow(() -> new IllegalArgumentException("name: no model '" + name
                        + "' in " + registry.root()))
                : registry.version(name, version);
        byte[] bytes = registry.bytes(name, meta.version());
        if (ModelCodec.magic(bytes).equals(ModelCodec.NEURAL_MAGIC)) {
            NeuralNetClassifier net = NeuralNetCodec.read(bytes, device(device));
            return new ClassifierPredictor(name, meta.version(), net, net.device().toString(), net.sequenceLength(),
                    maxBatch, maxWaitMicros * 1000);
        }
        return of(name, meta.version(), ModelCodec.read(bytes), maxBatch, maxWaitMicros);
    }

    /** A predictor over a model in memory (a tree, linear, SVM, XGBoost or ensemble model; a network keeps its device). */
    public static Predictor of(String name, int version, Classifier model, int maxBatch, long maxWaitMicros) {
        Objects.requireNonNull(model, "model");
        ModelVersion.checkName(name);
        if (model instanceof NeuralNetClassifier net) {
            return new ClassifierPredictor(name, version, net, net.device().toString(), net.sequenceLength(), maxBatch,
                    maxWaitMicros * 1000);
        }
        String device = model instanceof XGBoostModel ? "cpu (XGBoost native)" : "cpu (plain Java)";
        return new ClassifierPredictor(name, version, model, device, 1, maxBatch, maxWaitMicros * 1000);
    }

    /**
     * The DJL device for a choice: {@link DeviceChoice#AUTO} is the first GPU when DJL's engine counts
     * one, else the CPU.
     *
     * @throws IllegalStateException when {@link DeviceChoice#GPU} is asked for and there is none
     */
    public static Device device(DeviceChoice choice) {
        Objects.requireNonNull(choice, "choice");
        if (choice == DeviceChoice.CPU) {
            return Device.cpu();
        }
        int gpus = gpuCount();
        if (gpus > 0) {
            return Device.gpu();
        }
        if (choice == DeviceChoice.GPU) {
            throw new IllegalStateException("device: GPU requested but DJL's engine sees no CUDA GPU");
        }
        return Device.cpu();
    }

    /** Number of CUDA GPUs DJL's default engine sees (0 with a CPU-only native library). */
    public static int gpuCount() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Engine.class.getClassLoader());
        try {
            return Engine.getInstance().getGpuCount();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
