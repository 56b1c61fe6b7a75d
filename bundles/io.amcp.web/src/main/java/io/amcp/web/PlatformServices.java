package io.amcp.web;

import io.amcp.api.spi.AuditLog;
import io.amcp.api.spi.BacktestStrategies;
import io.amcp.api.spi.DatasetProvider;
import io.amcp.api.spi.PluginDeployer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the platform API ({@code /api/v1}) and the web console reach beyond the trading node. Every
 * piece is optional and read through a supplier on each request, so services that come and go in
 * OSGi are seen as they are now; an absent one is answered with an empty list or 503.
 */
public final class PlatformServices {

    private final String nodeId;
    private final Supplier<List<DatasetProvider>> datasets;
    private final Supplier<List<BacktestStrategies>> backtestStrategies;
    private final Supplier<Optional<AuditLog>> audit;
    private final Supplier<Optional<PluginDeployer>> deployer;
    private final BundleInventory bundles;
    private final StrategyParameters parameters;
    private final Supplier<Optional<Map<String, Object>>> riskReport;
    private final Path modelRegistry;

    private PlatformServices(Builder b) {
        this.nodeId = b.nodeId;
        this.datasets = b.datasets;
        this.backtestStrategies = b.backtestStrategies;
        this.audit = b.audit;
        this.deployer = b.deployer;
        this.bundles = b.bundles;
        this.parameters = b.parameters;
        this.riskReport = b.riskReport;
        this.modelRegistry = b.modelRegistry;
    }

    /**
     * Starts a description of this node's services.
     *
     * @param nodeId this node's name in {@code /api/v1/nodes}
     * @throws IllegalArgumentException naming {@code nodeId} when it is blank
     */
    public static Builder builder(String nodeId) {
        if (nodeId == null || nodeId.isBlank()) {
            throw new IllegalArgumentException("nodeId: must not be blank");
        }
        return new Builder(nodeId);
    }

    public String nodeId() {
        return nodeId;
    }

    public List<DatasetProvider> datasets() {
        return datasets.get();
    }

    public List<BacktestStrategies> backtestStrategies() {
        return backtestStrategies.get();
    }

    public Optional<AuditLog> audit() {
        return audit.get();
    }

    public Optional<PluginDeployer> deployer() {
        return deployer.get();
    }

    public BundleInventory bundles() {
        return bundles;
    }

    /** The strategy parameter store, or empty when there is none (outside OSGi). */
    public Optional<StrategyParameters> parameters() {
        return Optional.ofNullable(parameters);
    }

    /** A risk report (VaR and friends) as name-value pairs, when a risk service is present. */
    public Optional<Map<String, Object>> riskReport() {
        return riskReport.get();
    }

    /** The model registry's root folder, or empty when none is configured. */
    public Optional<Path> modelRegistry() {
        return Optional.ofNullable(modelRegistry);
    }

    /** Collects the optional services; everything left unset is absent. */
    public static final class Builder {
        private final String nodeId;
        private Supplier<List<DatasetProvider>> datasets = List::of;
        private Supplier<List<BacktestStrategies>> backtestStrategies = List::of;
        private Supplier<Optional<AuditLog>> audit = Optional::empty;
        private Supplier<Optional<PluginDeployer>> deployer = Optional::empty;
        private BundleInventory bundles = List::of;
        private StrategyParameters parameters;
        private Supplier<Optional<Map<String, Object>>> riskReport = Optional::empty;
        private Path modelRegistry;

        private Builder(String nodeId) {
            this.nodeId = nodeId;
        }

        public Builder datasets(Supplier<List<DatasetProvider>> value) {
            this.datasets = Objects.requireNonNull(value, "datasets");
            return this;
        }

        public Builder backtestStrategies(Supplier<List<BacktestStrategies>> value) {
            this.backtestStrategies = Objects.requireNonNull(value, "backtestStrategies");
            return this;
        }

        public Builder audit(Supplier<Optional<AuditLog>> value) {
            this.audit = Objects.requireNonNull(value, "audit");
            return this;
        }

        public Builder deployer(Supplier<Optional<PluginDeployer>> value) {
            this.deployer = Objects.requireNonNull(value, "deployer");
            return this;
        }

        public Builder bundles(BundleInventory value) {
            this.bundles = Objects.requireNonNull(value, "bundles");
            return this;
        }

        public Builder parameters(StrategyParameters value) {
            this.parameters = value;
            return this;
        }

        public Builder riskReport(Supplier<Optional<Map<String, Object>>> value) {
            this.riskReport = Objects.requireNonNull(value, "riskReport");
            return this;
        }

        public Builder modelRegistry(Path value) {
            this.modelRegistry = value;
            return this;
        }

        public PlatformServices build() {
            return new PlatformServices(this);
        }
    }
}
