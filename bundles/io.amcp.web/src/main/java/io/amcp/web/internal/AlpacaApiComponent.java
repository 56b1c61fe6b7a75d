package io.amcp.web.internal;

import io.amcp.api.calendar.NyseCalendar;
import io.amcp.api.model.Bar;
import io.amcp.api.model.Quote;
import io.amcp.api.model.TradeTick;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.order.OrderView;
import io.amcp.api.spi.BacktestStrategies;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.CredentialStore;
import io.amcp.api.spi.MarketDataHub;
import io.amcp.api.spi.MarketDataSink;
import io.amcp.api.spi.OrderEventListener;
import io.amcp.api.spi.TradingNode;
import io.amcp.risk.RiskReportService;
import io.amcp.web.AlpacaApiServer;
import io.amcp.web.AlpacaApiSettings;
import io.amcp.web.ApiKeyStore;
import io.amcp.web.AssetInfo;
import io.amcp.web.BundleInventory;
import io.amcp.web.PlatformServices;
import io.amcp.web.Role;
import io.amcp.api.spi.AuditLog;
import io.amcp.api.spi.DatasetProvider;
import io.amcp.api.spi.PluginDeployer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an {@link AlpacaApiServer} over the platform's {@link TradingNode} and registers it as an
 * {@link OrderEventListener}, which the kernel calls for every order event (trade_updates stream), and
 * subscribes it to the {@link MarketDataHub} as {@code web-console} (latest bars, quotes and trades for
 * market data v2 and its stream): CONFLATE, so a console that falls behind sees the newest event per
 * instrument and never holds up the kernel.
 * Unless {@code console=false}, the same server serves the platform API and the web console, reaching
 * dataset providers, backtestable strategies, the audit log, the plugin deployer and Config Admin
 * as they come and go.
 */
@Component(immediate = true, configurationPid = "io.amcp.web.alpaca", service = OrderEventListener.class)
@Designate(ocd = AlpacaApiConfig.class)
public final class AlpacaApiComponent implements OrderEventListener, MarketDataSink {

    private static final Logger LOG = LoggerFactory.getLogger(AlpacaApiComponent.class);

    /** Credential holding the TLS keystore's password. */
    static final String KEYSTORE_PASSWORD = "web.keystore-password";

    private final AlpacaApiServer server;
    private final MarketDataHub.Subscription feed;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<DatasetProvider> datasets = List.of();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<BacktestStrategies> backtestStrategies = List.of();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditLog audit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PluginDeployer deployer;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ConfigurationAdmin configAdmin;

    /**
     * The live risk report service ({@code io.amcp.risk.RiskReportService}, offered by the MCP server
     * bundle). Typed Object so this class loads without {@code io.amcp.risk}; read through
     * {@link RiskReportRows}.
     */
    @Reference(service = RiskReportService.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Object riskReports;

    @Activate
    public AlpacaApiComponent(@Reference TradingNode node, @Reference Clock clock, @Reference MarketDataHub hub,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            CredentialStore credentials, AlpacaApiConfig config, BundleContext context) throws IOException {
        ApiKeyStore keys = loadKeys(config.keysFile());
        List<AssetInfo> assets = new ArrayList<>();
        for (String spec : config.assets()) {
            assets.add(AssetInfo.parse(spec));
        }
        AlpacaApiSettings settings = new AlpacaApiSettings(config.accountNumber(), config.requestsPerMinute(),
                config.burst(), config.maxBodyBytes(), assets, NyseCalendar.INSTANCE);
        PlatformServices services = config.console() ? platformServices(config, context) : null;
        server = new AlpacaApiServer(node, keys, clock, settings, services);
        if (config.tls()) {
            Tls tls = tls(config, credentials);
            server.start(config.host(), config.port(), tls.keyStore(), tls.password());
        } else {
            server.start(config.host(), config.port());
        }
        feed = hub.subscribe("web-console", MarketDataHub.DeliveryPolicy.CONFLATE, this);
    }

    private record Tls(Path keyStore, String password) {
    }

    /**
     * The configured keystore with the password from the credential store, or the self-signed one in
     * {@code karaf.data} (its password: the credential when set, else a random one kept owner-only beside it).
     */
    private static Tls tls(AlpacaApiConfig config, CredentialStore credentials) throws IOException {
        Optional<String> password = credentials == null ? Optional.empty() : credentials.secret(KEYSTORE_PASSWORD);
        if (!config.keystorePath().isBlank()) {
            Path path = Path.of(config.keystorePath());
            if (!path.isAbsolute()) {
                path = Path.of(System.getProperty("karaf.base", ".")).resolve(path);
            }
            if (password.isEmpty()) {
                throw new IllegalStateException("keystorePath " + path + " needs its password: store it as credential '"
                        + KEYSTORE_PASSWORD + "' (amcp:credential-set " + KEYSTORE_PASSWORD + " <password>)");
            }
            return new Tls(path, password.get());
        }
        Path dir = Path.of(System.getProperty("karaf.data", "data"), "amcp");
        Path store = dir.resolve("web-tls.p12");
        String secret = password.orElse(null);
        if (secret == null) {
            Path file = dir.resolve("web-tls.password");
            if (!Files.exists(file)) {
                Files.createDirectories(dir);
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                writeOwnerOnly(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
            }
            secret = Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        boolean created = !Files.exists(store);
        SelfSignedKeystore.ensure(store, secret.toCharArray(), "localhost");
        if (created) {
            LOG.warn("TLS: self-signed certificate for localhost generated into {}", store.toAbsolutePath());
        }
        return new Tls(store, secret);
    }

    private PlatformServices platformServices(AlpacaApiConfig config, BundleContext context) {
        Path models = Path.of(config.modelRegistry());
        if (!models.isAbsolute()) {
            models = Path.of(System.getProperty("karaf.data", "data")).resolve(models);
        }
        BundleInventory bundles = () -> {
            List<BundleInventory.BundleRow> rows = new ArrayList<>();
            for (Bundle b : context.getBundles()) {
                rows.add(new BundleInventory.BundleRow(b.getBundleId(), String.valueOf(b.getSymbolicName()),
                        b.getVersion().toString(), state(b.getState())));
            }
            return rows;
        };
        return PlatformServices.builder(config.nodeId()).datasets(() -> datasets)
                .backtestStrategies(() -> backtestStrategies).audit(() -> Optional.ofNullable(audit))
                .deployer(() -> Optional.ofNullable(deployer)).bundles(bundles)
                .parameters(new ConfigAdminStrategyParameters(() -> configAdmin)).modelRegistry(models)
                .riskReport(() -> {
                    Object service = riskReports;
                    return service == null ? Optional.empty() : RiskReportRows.of(service);
                })
                .build();
    }

    private static String state(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNINSTALLED";
        };
    }

    /** The bound port. */
    int port() {
        return server.port();
    }

    private static ApiKeyStore loadKeys(String file) throws IOException {
        Path path = Path.of(file);
        if (!path.isAbsolute()) {
            path = Path.of(System.getProperty("karaf.base", ".")).resolve(path);
        }
        if (!Files.exists(path)) {
            return firstStart(path);
        }
        ApiKeyStore keys = ApiKeyStore.load(Files.readAllLines(path, StandardCharsets.UTF_8));
        LOG.info("{} API keys loaded from {}", keys.keyIds().size(), path);
        return keys;
    }

    /**
     * First start: generate the admin key pair, store only its hash in the key file, and write the
     * secret once, owner-readable only, to {@code ${karaf.data}/amcp/initial-credentials.properties}.
     */
    private static ApiKeyStore firstStart(Path keyFile) throws IOException {
        ApiKeyStore keys = new ApiKeyStore();
        ApiKeyStore.Credentials admin = keys.issue(Role.ADMIN);
        String stored = new ApiKeyStore().add(admin.keyId(), admin.secret(), Role.ADMIN);
        Files.createDirectories(keyFile.toAbsolutePath().getParent());
        writeOwnerOnly(keyFile, stored + System.lineSeparator());
        Path credentials = Path.of(System.getProperty("karaf.data", "data"), "amcp", "initial-credentials.properties");
        Files.createDirectories(credentials.getParent());
        writeOwnerOnly(credentials, "# AMCP admin API key, generated on first start; shown once. Use them as\n"
                + "# APCA-API-KEY-ID / APCA-API-SECRET-KEY. Delete this file once stored elsewhere.\n"
                + "keyId=" + admin.keyId() + "\nsecret=" + admin.secret() + "\nrole=admin\n");
        LOG.warn("first start: admin API key {} generated; its secret is in {} (readable by the owner only)",
                admin.keyId(), credentials.toAbsolutePath());
        return keys;
    }

    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            LOG.warn("{}: cannot restrict permissions on this file system", file);
        }
    }

    @Override
    public void onOrderEvent(OrderEvent event, OrderView order) {
        server.onOrderEvent(event, order);
    }

    @Override
    public void onBar(Bar bar) {
        server.onBar(bar);
    }

    @Override
    public void onQuote(Quote quote) {
        server.onQuote(quote);
    }

    @Override
    public void onTrade(TradeTick trade) {
        server.onTrade(trade);
    }

    @Deactivate
    void deactivate() {
        feed.close();
        server.stop();
    }
}
