package io.amcp.broker.alpaca.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.calendar.NyseCalendar;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.order.ReplaceOrder;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.portfolio.AccountView;
import io.amcp.api.portfolio.PositionView;
import io.amcp.api.spi.BrokerConnector;
import io.amcp.api.spi.BrokerListener;
import io.amcp.api.spi.BrokerStatement;
import io.amcp.api.spi.BrokerStatementSource;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.CredentialStore;
import io.amcp.api.spi.PluginStatus;
import io.amcp.broker.alpaca.AlpacaOrderStatus;
import io.amcp.broker.alpaca.AlpacaTrading;
import io.amcp.datasource.alpaca.AlpacaApiException;
import io.amcp.datasource.alpaca.AlpacaCredentials;
import io.amcp.datasource.alpaca.AlpacaHttp;
import io.amcp.datasource.alpaca.AlpacaValues;
import io.amcp.datasource.alpaca.Backoff;
import io.amcp.datasource.alpaca.ReconnectingWebSocket.Connection;
import io.amcp.datasource.alpaca.ReconnectingWebSocket;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alpaca trading v2 as a platform {@link BrokerConnector}. Orders go out over REST (never twice for
 * one client order id); what happens to them comes back on the {@code trade_updates} stream
 * (auth {@code {"action":"auth","key","secret"}} -> {@code authorization}/{@code authorized}, then
 * {@code listen}), translated into OMS events by {@link VenueOrders}.
 *
 * <p>After the stream is lost it reconnects with backoff and, once listening again, reconciles every
 * open order over REST (fill activities, then {@code /v2/orders?status=all&after=}), so that a fill
 * made while disconnected is reported, and a fill reported both by REST and by the stream is
 * reported once. All Alpaca I/O and all listener calls run on the connector's one events thread;
 * {@link #submit}, {@link #cancel} and {@link #replace} only enqueue and return at once.
 *
 * <p>It is also the account's {@link BrokerStatementSource}: Alpaca's cash, positions and the orders of
 * the current exchange day (those still open and those updated since midnight, New York time, the
 * horizon over which the reconciliation compares orders), read over REST when the reconciliation asks;
 * orders that ended today are looked for among those submitted up to {@code statementLookbackDays}
 * days before it.
 */
@Component(service = {BrokerConnector.class, BrokerStatementSource.class}, configurationPid = "io.amcp.broker.alpaca",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = AlpacaBrokerConfig.class)
public final class AlpacaBroker implements BrokerConnector, BrokerStatementSource {

    private static final Logger LOG = LoggerFactory.getLogger(AlpacaBroker.class);
    private static final String TRADE_UPDATES = "trade_updates";
    private static final Duration RECONCILE_MARGIN = Duration.ofMinutes(1);
    private static final long RESEND_TIMEOUT_SECONDS = 120;
    private static final long STOP_TIMEOUT_MS = 5_000;

    private final AlpacaTrading trading;
    private final URI streamUrl;
    private final Backoff backoff;
    private final Clock clock;
    private final Duration statementLookback;
    private final ScheduledThreadPoolExecutor events;
    private final VenueOrders orders;
    private volatile PluginStatus status;
    private volatile BrokerListener listener;
    /** Why the connector cannot work (bad configuration, missing keys), else null. */
    private final String problem;
    private volatile ReconnectingWebSocket socket;
    private boolean lost;

    @Activate
    public AlpacaBroker(AlpacaBrokerConfig config, @Reference Clock clock,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL) CredentialStore credentialStore) {
        this(tradingOrNull(config, credentialStore), streamUrlOrNull(config),
                Backoff.of(Duration.ofMillis(Math.max(1, config.reconnectInitialMillis())),
                        Duration.ofMillis(Math.max(Math.max(1, config.reconnectInitialMillis()), config.reconnectMaxMillis()))),
                clock, lookback(config.statementLookbackDays()), problem(config, credentialStore));
    }

    /**
     * A connector over {@code trading}, listening on {@code streamUrl}; statements look for the day's
     * orders among those submitted up to a week before it.
     */
    AlpacaBroker(AlpacaTrading trading, URI streamUrl, Backoff backoff, Clock clock) {
        this(trading, streamUrl, backoff, clock, Duration.ofDays(7), null);
    }

    private static Duration lookback(int days) {
        if (days <= 0) {
            throw new IllegalArgumentException("statementLookbackDays: must be positive, was " + days);
        }
        return Duration.ofDays(days);
    }

    private AlpacaBroker(AlpacaTrading trading, URI streamUrl, Backoff backoff, Clock clock, Duration statementLookback,
            String problem) {
        this.trading = trading;
        this.streamUrl = streamUrl;
        this.backoff = backoff;
        this.clock = clock;
        this.statementLookback = statementLookback;
        this.problem = problem;
        this.orders = new VenueOrders(clock::nanos);
        this.status = PluginStatus.offline(problem != null ? problem : "not connected");
        if (problem != null) {
            LOG.error("Alpaca broker is offline: {}", problem);
        }
        this.events = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "amcp-alpaca-broker");
            t.setDaemon(true);
            return t;
        });
        events.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    private static AlpacaTrading tradingOrNull(AlpacaBrokerConfig config, CredentialStore store) {
        try {
            return trading(config, store);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return null;
        }
    }

    private static String problem(AlpacaBrokerConfig config, CredentialStore store) {
        try {
            trading(config, store);
            streamUrl(config);
            return null;
        } catch (IllegalArgumentException | IllegalStateException e) {
            return e.getMessage();
        }
    }

    private static URI streamUrlOrNull(AlpacaBrokerConfig config) {
        try {
            return streamUrl(config);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static URI streamUrl(AlpacaBrokerConfig config) {
        URI url = URI.create(config.streamUrl().trim());
        if (url.getScheme() == null || !url.getScheme().startsWith("ws")) {
            throw new IllegalArgumentException("streamUrl: expected a wss:// URL, was '" + config.streamUrl() + "'");
        }
        return url;
    }

    private static AlpacaTrading trading(AlpacaBrokerConfig config, CredentialStore store) {
        if (config.reconnectInitialMillis() <= 0 || config.reconnectMaxMillis() < config.reconnectInitialMillis()) {
            throw new IllegalArgumentException("reconnectInitialMillis/reconnectMaxMillis: need 0 < initial <= max, was "
                    + config.reconnectInitialMillis() + "/" + config.reconnectMaxMillis());
        }
        if (config.maxRetries() < 0) {
            throw new IllegalArgumentException("maxRetries: must not be negative, was " + config.maxRetries());
        }
        URI url = URI.create(config.tradingUrl().trim());
        if (url.getScheme() == null || !url.getScheme().startsWith("http")) {
            throw new IllegalArgumentException("tradingUrl: expected an https:// URL, was '" + config.tradingUrl() + "'");
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        return new AlpacaTrading(new AlpacaHttp(http, url, AlpacaCredentials.resolve(store), config.maxRetries()));
    }

    @Deactivate
    void close() {
        disconnect();
        events.shutdown();
        try {
            if (!events.awaitTermination(STOP_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                events.shutdownNow();
            }
        } catch (InterruptedException e) {
            events.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String id() {
        return "alpaca";
    }

    @Override
    public PluginStatus status() {
        return status;
    }

    @Override
    public synchronized void connect(BrokerListener listener) {
        this.listener = listener;
        if (socket != null) {
            return;
        }
        if (problem != null) {
            LOG.error("Alpaca broker not connected: {}", problem);
            return;
        }
        socket = new ReconnectingWebSocket(trading.http().client(), streamUrl, backoff, new TradeUpdates(), events,
                "alpaca-trade-updates");
        status = PluginStatus.offline("connecting to " + streamUrl);
        socket.start();
    }

    @Override
    public synchronized void disconnect() {
        if (socket != null) {
            socket.stop();
            socket = null;
        }
        status = PluginStatus.offline(problem != null ? problem : "disconnected");
    }

    @Override
    public void submit(SubmitOrder order) {
        events.execute(() -> place(order));
    }

    @Override
    public void cancel(ClientOrderId clientOrderId) {
        events.execute(() -> requestCancel(clientOrderId));
    }

    @Override
    public void replace(ReplaceOrder replace) {
        events.execute(() -> requestReplace(replace));
    }

    /**
     * Replays, from Alpaca's records, every event of these orders (and their legs) to the listener;
     * returns the ids Alpaca never received. Blocks until done (REST calls).
     */
    @Override
    public Set<ClientOrderId> resend(Collection<ClientOrderId> clientOrderIds) {
        try {
            return events.submit(() -> replay(clientOrderIds)).get(RESEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("resend interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("resend from Alpaca failed: " + e.getMessage(), e);
        }
    }

    /** The Alpaca account (blocking REST call; not for the kernel thread). */
    public AccountView account() {
        requireUsable();
        return trading.account();
    }

    /** Alpaca's open positions (blocking REST call; not for the kernel thread). */
    public List<PositionView> positions() {
        requireUsable();
        return trading.positions();
    }

    @Override
    public String brokerId() {
        return id();
    }

    /**
     * Alpaca's statement of the clock's exchange day: cash, positions, the orders still open and those
     * updated since the day's midnight, New York time ({@link AlpacaTrading#statement}; blocking REST
     * calls, not for the kernel thread). Orders that ended on earlier days are left out: the platform's
     * journal compaction forgets those, while their fills stay in positions and cash.
     *
     * @throws IllegalStateException when the connector is offline for want of keys or configuration
     */
    @Override
    public BrokerStatement statement() {
        requireUsable();
        ZoneId zone = NyseCalendar.INSTANCE.zone();
        Instant dayStart = NyseCalendar.INSTANCE.dateOf(clock.nanos()).atStartOfDay(zone).toInstant();
        return trading.statement(id(), dayStart, dayStart.minus(statementLookback));
    }

    private void requireUsable() {
        if (problem != null) {
            throw new IllegalStateException("Alpaca broker offline: " + problem);
        }
    }

    private void place(SubmitOrder order) {
        ClientOrderId id = order.clientOrderId();
        if (id == null) {
            LOG.error("order without client order id not sent to Alpaca: {}", order);
            return;
        }
        if (orders.knows(id)) {
            LOG.warn("order {} was already sent to Alpaca; not sent again", id);
            return;
        }
        orders.track(order, clock.instant());
        if (problem != null) {
            deliver(orders.rejected(order, "Alpaca broker offline: " + problem));
            return;
        }
        try {
            deliver(orders.apply(trading.submit(order), null));
        } catch (AlpacaApiException e) {
            deliver(orders.rejected(order, "Alpaca " + e.status() + ": " + e.apiMessage()));
        } catch (UncheckedIOException e) {
            recoverSubmission(order, e);
        }
    }

    /** The submission's outcome is unknown (connection lost): ask Alpaca by client order id, send once more only if it has none. */
    private void recoverSubmission(SubmitOrder order, UncheckedIOException failure) {
        LOG.warn("submission of {} failed ({}); checking Alpaca by client order id", order.clientOrderId(),
                failure.getMessage());
        try {
            Optional<JsonNode> known = trading.orderByClientOrderId(order.clientOrderId());
            deliver(orders.apply(known.isPresent() ? known.get() : trading.submit(order), null));
        } catch (AlpacaApiException e) {
            deliver(orders.rejected(order, "Alpaca " + e.status() + ": " + e.apiMessage()));
        } catch (UncheckedIOException e) {
            deliver(orders.rejected(order, "not sent: Alpaca unreachable (" + e.getMessage() + ")"));
        }
    }

    private void requestCancel(ClientOrderId id) {
        Optional<VenueOrders.Tracked> t = orders.get(id);
        if (t.isEmpty() || t.get().alpacaId == null) {
            LOG.warn("cancel of {} not sent: Alpaca has not acknowledged that order", id);
            return;
        }
        try {
            trading.cancel(t.get().alpacaId);
        } catch (AlpacaApiException | UncheckedIOException e) {
            LOG.warn("cancel of {} refused: {}", id, e.getMessage());
        }
    }

    private void requestReplace(ReplaceOrder replace) {
        Optional<VenueOrders.Tracked> t = orders.get(replace.clientOrderId());
        if (t.isEmpty() || t.get().alpacaId == null) {
            LOG.warn("replace of {} not sent: Alpaca has not acknowledged that order", replace.clientOrderId());
            return;
        }
        try {
            deliver(orders.replaced(t.get(), trading.replace(t.get().alpacaId, replace)));
        } catch (AlpacaApiException | UncheckedIOException e) {
            LOG.warn("replace of {} refused, the order keeps working: {}", replace.clientOrderId(), e.getMessage());
        }
    }

    private Set<ClientOrderId> replay(Collection<ClientOrderId> ids) {
        if (problem != null) {
            throw new IllegalStateException("Alpaca broker offline: " + problem);
        }
        Set<ClientOrderId> unknown = new LinkedHashSet<>();
        VenueOrders history = new VenueOrders(clock::nanos);
        List<JsonNode> found = new ArrayList<>();
        Instant earliest = null;
        for (ClientOrderId id : ids) {
            if (history.knows(id)) {
                continue;
            }
            ClientOrderId venueId = id;
            Optional<JsonNode> order = trading.orderByClientOrderId(id);
            Optional<ClientOrderId> parent = parentOf(id);
            if (order.isEmpty() && parent.isPresent()) {
                if (history.knows(parent.get())) {
                    continue;
                }
                venueId = parent.get();
                order = trading.orderByClientOrderId(venueId);
            }
            if (order.isEmpty()) {
                unknown.add(id);
                continue;
            }
            history.adopt(order.get(), venueId);
            if (!orders.knows(venueId)) {
                orders.adopt(order.get(), venueId);
            }
            found.add(order.get());
            Instant submitted = AlpacaValues.instant(order.get(), "submitted_at");
            earliest = earliest == null || submitted.isBefore(earliest) ? submitted : earliest;
        }
        if (earliest != null) {
            List<JsonNode> fills = trading.fillsSince(earliest.minus(RECONCILE_MARGIN));
            deliver(catchUp(history, fills, found));
            catchUp(orders, fills, found);
        }
        return unknown;
    }

    /** Fill activities first (one event per fill), then each order's state: acknowledgement, any remaining fill, outcome. */
    private static List<OrderEvent> catchUp(VenueOrders venue, List<JsonNode> fills, List<JsonNode> orderStates) {
        List<OrderEvent> out = new ArrayList<>();
        for (JsonNode order : orderStates) {
            out.addAll(venue.apply(withoutProgress(order), null));
        }
        for (JsonNode fill : fills) {
            out.addAll(venue.applyFill(fill));
        }
        for (JsonNode order : orderStates) {
            out.addAll(venue.apply(order, null));
        }
        return out;
    }

    /** The order as it was when first acknowledged: no fills, still working (its legs still held). */
    private static JsonNode withoutProgress(JsonNode order) {
        ObjectNode copy = order.deepCopy();
        copy.put("filled_qty", "0");
        if (AlpacaOrderStatus.isAcknowledged(order.path("status").asText())) {
            copy.put("status", "new");
        }
        JsonNode legs = copy.get("legs");
        if (legs != null && legs.isArray()) {
            for (JsonNode leg : legs) {
                ((ObjectNode) leg).put("filled_qty", "0").put("status", "held");
            }
        }
        return copy;
    }

    private static Optional<ClientOrderId> parentOf(ClientOrderId id) {
        String v = id.value();
        for (String suffix : List.of(SubmitOrder.TAKE_PROFIT_SUFFIX, SubmitOrder.STOP_LOSS_SUFFIX)) {
            if (v.endsWith(suffix) && v.length() > suffix.length()) {
                return Optional.of(ClientOrderId.of(v.substring(0, v.length() - suffix.length())));
            }
        }
        return Optional.empty();
    }

    /** After a reconnect: what happened to the open orders while the stream was down. False when REST failed. */
    private boolean reconcile() {
        List<VenueOrders.Tracked> open = orders.open();
        if (open.isEmpty()) {
            return true;
        }
        Instant earliest = open.stream().map(t -> t.submittedAt).min(Instant::compareTo).orElseThrow();
        Instant after = earliest.minus(RECONCILE_MARGIN);
        try {
            List<OrderEvent> out = new ArrayList<>();
            for (JsonNode fill : trading.fillsSince(after)) {
                out.addAll(orders.applyFill(fill));
            }
            for (JsonNode order : trading.ordersSince(after)) {
                out.addAll(orders.apply(order, null));
            }
            LOG.info("reconciled {} open Alpaca orders after a reconnect: {} events", open.size(), out.size());
            deliver(out);
            return true;
        } catch (AlpacaApiException | UncheckedIOException e) {
            LOG.error("reconciliation after reconnect failed: {}", e.getMessage());
            status = PluginStatus.offline("reconciliation after reconnect failed: " + e.getMessage());
            return false;
        }
    }

    private void deliver(List<OrderEvent> out) {
        BrokerListener l = listener;
        if (l == null) {
            if (!out.isEmpty()) {
                LOG.warn("{} Alpaca order events dropped: no listener connected", out.size());
            }
            return;
        }
        for (OrderEvent e : out) {
            l.onOrderEvent(e);
        }
    }

    /** The trade_updates session. */
    private final class TradeUpdates implements ReconnectingWebSocket.Handler {

        @Override
        public void onOpen(Connection connection) {
            AlpacaCredentials keys = trading.http().credentials();
            connection.send(AlpacaHttp.json().createObjectNode().put("action", "auth").put("key", keys.keyId())
                    .put("secret", keys.secretKey()).toString());
        }

        @Override
        public void onMessage(Connection connection, String text) {
            JsonNode message;
            try {
                message = AlpacaHttp.json().readTree(text);
            } catch (JsonProcessingException e) {
                LOG.warn("Alpaca trade stream: unreadable message ({})", e.getOriginalMessage());
                return;
            }
            JsonNode data = message.path("data");
            switch (message.path("stream").asText()) {
                case "authorization" -> authorization(connection, data);
                case "listening" -> listening(connection, data);
                case TRADE_UPDATES -> {
                    try {
                        deliver(orders.apply(data.path("order"), data));
                    } catch (IllegalArgumentException e) {
                        LOG.error("Alpaca trade update not applied ({}): {}", e.getMessage(), data.path("event"));
                    }
                }
                default -> LOG.debug("Alpaca trade stream: ignored {}", message.path("stream"));
            }
        }

        private void authorization(Connection connection, JsonNode data) {
            if ("authorized".equals(data.path("status").asText())) {
                connection.send("{\"action\":\"listen\",\"data\":{\"streams\":[\"" + TRADE_UPDATES + "\"]}}");
            } else {
                status = PluginStatus.offline("Alpaca refused the API keys (trade stream " + data.path("status").asText()
                        + ")");
                LOG.error("{}", status.reason());
                ReconnectingWebSocket s = socket;
                if (s != null) {
                    s.stop();
                }
            }
        }

        private void listening(Connection connection, JsonNode data) {
            if (data.hasNonNull("error")) {
                LOG.error("Alpaca trade stream: {}", data.path("error").asText());
                return;
            }
            boolean listeningToUpdates = false;
            for (JsonNode s : data.path("streams")) {
                listeningToUpdates |= TRADE_UPDATES.equals(s.asText());
            }
            if (!listeningToUpdates) {
                status = PluginStatus.offline("Alpaca did not grant the trade_updates stream");
                return;
            }
            connection.healthy();
            boolean reconciled = !lost || reconcile();
            lost = false;
            if (reconciled) {
                status = PluginStatus.ONLINE;
            }
        }

        @Override
        public void onLost(String reason) {
            lost = true;
            status = PluginStatus.offline("trade stream lost (" + reason + "), reconnecting");
        }
    }
}
