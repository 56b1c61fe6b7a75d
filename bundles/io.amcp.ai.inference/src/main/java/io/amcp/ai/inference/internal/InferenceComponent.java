package io.amcp.ai.inference.internal;

import io.amcp.ai.inference.DeviceChoice;
import io.amcp.ai.inference.ModelLoader;
import io.amcp.ai.inference.Prediction;
import io.amcp.ai.inference.Predictor;
import io.amcp.ai.models.registry.ModelRegistry;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads one registered model per factory configuration and offers it as a {@link Predictor}. A
 * relative registry path is resolved against {@code karaf.data} when that property is set.
 */
@Component(service = Predictor.class, configurationPid = "io.amcp.ai.inference",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = InferenceConfig.class, factory = true)
public final class InferenceComponent implements Predictor {

    private static final Logger LOG = LoggerFactory.getLogger(InferenceComponent.class);

    private final ClassifierPredictor delegate;

    @Activate
    public InferenceComponent(InferenceConfig config) {
        Path root = Path.of(config.registry());
        String data = System.getProperty("karaf.data");
        if (!root.isAbsolute() && data != null) {
            root = Path.of(data).resolve(root);
        }
        DeviceChoice device;
        try {
            device = DeviceChoice.valueOf(config.device().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("device: expected AUTO, CPU or GPU, got '" + config.device() + "'", e);
        }
        this.delegate = (ClassifierPredictor) ModelLoader.load(new ModelRegistry(root), config.model_name(),
                config.model_version(), device, config.maxBatch(), config.maxWaitMicros());
        LOG.info("Model {} v{} ({}) loaded on {}", delegate.modelName(), delegate.modelVersion(), delegate.kind(),
                delegate.device());
    }

    @Deactivate
    void deactivate() {
        delegate.close();
    }

    @Override
    public String modelName() {
        return delegate.modelName();
    }

    @Override
    public int modelVersion() {
        return delegate.modelVersion();
    }

    @Override
    public String kind() {
        return delegate.kind();
    }

    @Override
    public String device() {
        return delegate.device();
    }

    @Override
    public int classes() {
        return delegate.classes();
    }

    @Override
    public int sequenceLength() {
        return delegate.sequenceLength();
    }

    @Override
    public int stepFeatures() {
        return delegate.stepFeatures();
    }

    @Override
    public Prediction predict(double[] features) {
        return delegate.predict(features);
    }

    @Override
    public Prediction[] predict(double[][] rows) {
        return delegate.predict(rows);
    }

    @Override
    public CompletableFuture<Prediction> submit(double[] features) {
        return delegate.submit(features);
    }
}
