package io.amcp.web;

import io.amcp.api.model.AssetClass;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Quantity;
import io.amcp.api.model.Side;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderClass;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.order.OrderReplaced;
import io.amcp.api.order.OrderStatus;
import io.amcp.api.order.OrderView;
import io.amcp.api.order.ReplaceOrder;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.order.TimeInForce;
import io.amcp.api.portfolio.PositionView;
import io.amcp.api.model.Bar;
import io.amcp.api.model.Quote;
import io.amcp.api.model.TradeTick;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.MarketDataSink;
import io.amcp.api.spi.OrderEventListener;
import io.amcp.api.spi.TradingNode;
import io.amcp.web.internal.AlpacaJson;
import io.amcp.web.internal.ApiError;
import io.amcp.web.internal.ConsoleResources;
import io.amcp.web.internal.LatestMarketData;
import io.amcp.web.internal.MarketDataApi;
import io.amcp.web.internal.MarketDataStream;
import io.amcp.web.internal.OrderIds;
import io.amcp.web.internal.OrderRequests;
import io.amcp.web.internal.PlatformApi;
import io.amcp.web.internal.PlatformStream;
import io.amcp.web.internal.Sessions;
import io.amcp.web.internal.TokenBucket;
import io.amcp.web.internal.TradeUpdates;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.net.KeyStoreOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alpaca's trading API v2 over a {@link TradingNode}, served by Vert.x: existing Alpaca clients trade
 * on the platform (its paper exchange, or whatever broker the node routes to) by changing only their
 * base URL and keys. See {@code docs/alpaca-api.md} for the endpoints and where they deviate.
 *
 * <p>Every REST request under {@code /v2} needs {@code APCA-API-KEY-ID} and
 * {@code APCA-API-SECRET-KEY} headers checked against an {@link ApiKeyStore}; viewers may only read.
 * Each key has a token bucket ({@link AlpacaApiSettings#requestsPerMinute()},
 * {@link AlpacaApiSettings#burst()}) reported in {@code X-RateLimit-*} headers. Orders are submitted
 * through {@link TradingNode#submitAsync} as owner {@code api.<keyId>}, so they pass the same risk chain and
 * kill switch as strategy orders. Order ids are UUIDs derived from the platform's client order ids.
 *
 * <p>Market data v2 ({@code /v2/stocks}, {@code /v1beta3/crypto/us/bars}) and its stream ({@code /v2/iex}) serve
 * the datasets of the platform services and what {@link #onBar}, {@link #onQuote}, {@link #onTrade} were fed:
 * register this server as a {@link MarketDataSink} too.
 *
 * <p>The trade_updates stream ({@code /stream}) is fed by {@link #onOrderEvent}: register this server
 * (or the component that owns it) as an {@link OrderEventListener} with the kernel.
 *
 * <p>Node calls block on the kernel and so run on Vert.x worker threads, never on an event loop; order
 * submission alone holds no thread while the kernel works: it uses {@link TradingNode#submitAsync} and
 * answers on the request's event loop.
 */
public final class AlpacaApiServer implements OrderEventListener, MarketDataSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlpacaApiServer.class);
    private static final String KEY_HEADER = "APCA-API-KEY-ID";
    private static final String SECRET_HEADER = "APCA-API-SECRET-KEY";
    private static final String ROLE = PlatformApi.ROLE;
    private static final String BEARER = "Bearer ";
    private static final long SESSION_IDLE_NANOS = TimeUnit.HOURS.toNanos(8);
    private static final String OWNER = "amcp.owner";
    private static final String JSON = "application/json; charset=utf-8";
    private static final int MAX_CALENDAR_DAYS = 3_700;
    /** How long an order submission waits for the node to take the order before answering 504. */
    private static final long SUBMIT_TIMEOUT_MILLIS = 5_000;
    private static final Set<String> MARKET_DATA_STREAMS = Set.of("/v2/iex", "/v2/sip", "/v2/delayed_sip", "/v1beta3/crypto/us");

    private final TradingNode node;
    private final ApiKeyStore keys;
    private final Clock clock;
    private final AlpacaApiSettings settings;
    private final AlpacaJson json = new AlpacaJson(new OrderIds());
    private final TradeUpdates tradeUpdates;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    /** The order owner of each authenticated key id, made once instead of validated on every request. */
    private final Map<String, StrategyId> owners = new ConcurrentHashMap<>();
    private final Map<InstrumentId, AssetInfo> configuredAssets = new LinkedHashMap<>();
    /**
     * Client order ids submitted through this server: a repeated id is answered 422 without a kernel
     * round trip (the kernel refuses it too, so ids used elsewhere are caught after submission).
     */
    private final Set<ClientOrderId> submittedIds = ConcurrentHashMap.newKeySet();
    private final long createdNanos;
    private final Sessions sessions = new Sessions(SESSION_IDLE_NANOS);
    private final PlatformApi platform;
    private final PlatformStream platformStream;
    private final ConsoleResources console = new ConsoleResources();
    private final LatestMarketData marketData = new LatestMarketData();
    private final MarketDataApi marketDataApi;
    private final MarketDataStream marketDataStream;

    private Vertx vertx;
    private HttpServer server;
    private Path keyStore;
    private String keyStorePassword;

    /**
     * @param node     the trading node whose orders, positions and account are served
     * @param keys     the API keys allowed in
     * @param clock    the platform clock ({@code /v2/clock}, account creation time, rate-limit reset)
     * @param settings account number, rate limit, body limit, asset list, calendar
     */
    public AlpacaApiServer(TradingNode node, ApiKeyStore keys, Clock clock, AlpacaApiSettings settings) {
        this(node, keys, clock, settings, null);
    }

    /**
     * A server that also serves the platform API under {@code /api/v1}, its live stream at
     * {@code /api/v1/stream} and the web console at {@code /console/}. Console sessions (a bearer
     * token from {@code POST /api/v1/session}) are accepted on {@code /v2} too.
     *
     * @param services what the platform API reaches beyond the node; null serves {@code /v2} only
     */
    public AlpacaApiServer(TradingNode node, ApiKeyStore keys, Clock clock, AlpacaApiSettings settings,
            PlatformServices services) {
        this.node = Objects.requireNonNull(node, "node");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        for (AssetInfo a : settings.assets()) {
            configuredAssets.put(a.instrument().id(), a);
        }
        this.tradeUpdates = new TradeUpdates(keys, json, node::positions);
        this.platform = services == null ? null : new PlatformApi(node, keys, services, sessions);
        this.platformStream = services == null ? null : new PlatformStream(sessions, json, node);
        this.createdNanos = clock.nanos();
        this.marketDataApi = new MarketDataApi(services == null ? List::of : services::datasets, marketData);
        this.marketDataStream = new MarketDataStream(keys, marketData);
    }

    /**
     * Starts listening; returns the port bound (useful with {@code port} 0, which picks a free one).
     *
     * @throws IllegalStateException if the server is running or the address cannot be bound
     */
    public synchronized int start(String host, int port) {
        return start(host, port, null, null);
    }

    /**
     * Starts listening with TLS (HTTPS and WSS) when {@code keyStore} is given: a PKCS#12 file
     * ({@code .p12}, {@code .pfx}) or a JKS file ({@code .jks}) holding the server's key and certificate.
     *
     * @param keyStore the keystore, or null for cleartext
     * @param password the keystore's password (and its key's)
     * @throws IllegalStateException if the server is running or the address cannot be bound
     * @throws IllegalArgumentException naming {@code keyStore} when it is not a readable file
     */
    public synchronized int start(String host, int port, Path keyStore, String password) {
        if (server != null) {
            throw new IllegalStateException("already listening on port " + server.actualPort());
        }
        if (keyStore != null && !Files.isReadable(keyStore)) {
            throw new IllegalArgumentException("keyStore: not a readable file: " + keyStore);
        }
        this.keyStore = keyStore;
        this.keyStorePassword = password;
        // Vert.x is embedded in this bundle: let its service lookups see this bundle's class loader
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(AlpacaApiServer.class.getClassLoader());
        try {
            return listen(host, port);
        } finally {
            current.setContextClassLoader(previous);
        }
    }

    private int listen(String host, int port) {
        Vertx v = Vertx.vertx();
        // HTTP/1.1 only on cleartext: an h2c upgrade (the JDK client tries one) garbled large responses
        // such as the console's chart library now and then; Alpaca's clients speak HTTP/1.1
        HttpServerOptions options = new HttpServerOptions().setHost(host).setPort(port)
                .setMaxWebSocketMessageSize(settings.maxBodyBytes()).setTcpNoDelay(true).setHttp2ClearTextEnabled(false);
        if (keyStore != null) {
            String name = keyStore.getFileName().toString().toLowerCase(Locale.ROOT);
            options.setSsl(true).setKeyCertOptions(new KeyStoreOptions().setType(name.endsWith(".jks") ? "JKS" : "PKCS12")
                    .setPath(keyStore.toAbsolutePath().toString()).setPassword(keyStorePassword));
        }
        HttpServer s = v.createHttpServer(options);
        s.requestHandler(router(v)).webSocketHandler(ws -> {
            if ("/stream".equals(ws.path())) {
                tradeUpdates.accept(ws);
            } else if (MARKET_DATA_STREAMS.contains(ws.path())) {
                marketDataStream.accept(ws);
            } else if (platformStream != null && "/api/v1/stream".equals(ws.path())) {
                platformStream.accept(ws);
            } else {
                ws.close((short) 1008, "unknown stream path " + ws.path());
            }
        });
        try {
            s.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            v.close();
            throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        vertx = v;
        server = s;
        if (platformStream != null) {
            platformStream.start(v);
        }
        LOG.info("Alpaca-compatible API listening on {}://{}:{}", keyStore == null ? "http" : "https", host, s.actualPort());
        return s.actualPort();
    }

    /** The bound port, or -1 when stopped. */
    public synchronized int port() {
        return server == null ? -1 : server.actualPort();
    }

    /** Stops listening and closes every connection; waits up to 10 seconds. */
    public synchronized void stop() {
        if (vertx == null) {
            return;
        }
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Vert.x did not close cleanly: {}", e.toString());
        }
        vertx = null;
        server = null;
        if (platform != null) {
            platform.close();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Number of WebSocket connections listening to trade_updates. */
    public int streamListeners() {
        return tradeUpdates.listeners();
    }

    /** Feeds the trade_updates stream; called on the kernel thread, does not block. */
    @Override
    public void onOrderEvent(OrderEvent event, OrderView order) {
        if (event instanceof OrderReplaced r) {
            json.replaced(r.clientOrderId(), r.replacement());
        }
        tradeUpdates.publish(event, order, node::order);
        if (platformStream != null) {
            platformStream.publish(event, order);
        }
    }

    /**
     * Feeds the latest-bar cache, the bars served by {@code /v2/stocks} and the market-data stream; called
     * by what this server is registered with as a {@link MarketDataSink} (in the platform, the market
     * data hub's delivery thread, not the kernel's).
     */
    @Override
    public void onBar(Bar bar) {
        marketData.onBar(bar);
    }

    @Override
    public void onQuote(Quote quote) {
        marketData.onQuote(quote);
    }

    @Override
    public void onTrade(TradeTick trade) {
        marketData.onTrade(trade);
    }

    /** Number of connections on the market-data stream. */
    public int marketDataConnections() {
        return marketDataStream.connections();
    }

    // ------------------------------------------------------------------ routing

    private Router router(Vertx v) {
        Router router = Router.router(v);
        BodyHandler small = BodyHandler.create(false).setBodyLimit(settings.maxBodyBytes());
        BodyHandler upload = BodyHandler.create(false).setBodyLimit(PlatformApi.MAX_UPLOAD_BYTES);
        router.route().handler(c -> (platform != null && PlatformApi.DEPLOY_PATH.equals(c.normalizedPath()) ? upload : small)
                .handle(c));
        router.route("/v2/*").handler(this::authenticate);
        router.route("/v1beta3/*").handler(this::authenticate);
        if (platform != null) {
            router.route("/v2/*").handler(platform.auditChanges());
        }
        router.get("/v2/account").blockingHandler(c -> reply(c, 200, account()), false);
        router.getWithRegex("/v2/orders:by_client_order_id").blockingHandler(this::orderByClientId, false);
        router.get("/v2/orders").blockingHandler(this::listOrders, false);
        router.post("/v2/orders").handler(this::submit);
        router.delete("/v2/orders").blockingHandler(this::cancelAll, false);
        router.get("/v2/orders/:id").blockingHandler(this::getOrder, false);
        router.patch("/v2/orders/:id").blockingHandler(this::replace, false);
        router.delete("/v2/orders/:id").blockingHandler(this::cancel, false);
        router.get("/v2/positions").blockingHandler(c -> reply(c, 200, positions()), false);
        router.delete("/v2/positions").blockingHandler(this::closeAll, false);
        router.get("/v2/positions/:symbol").blockingHandler(this::getPosition, false);
        router.delete("/v2/positions/:symbol").blockingHandler(this::closePosition, false);
        router.get("/v2/clock").handler(c -> reply(c, 200, AlpacaJson.clock(settings.calendar(), clock.nanos())));
        router.get("/v2/calendar").handler(this::calendar);
        router.get("/v2/assets").blockingHandler(this::listAssets, false);
        router.get("/v2/assets/:symbol").blockingHandler(this::getAsset, false);
        marketDataApi.mount(router);
        if (platform != null) {
            platform.mount(router, this::authenticate);
            router.get("/").handler(c -> c.redirect("/console/"));
            router.get("/console/*").handler(console::handle);
        }
        router.route().failureHandler(this::failure);
        router.errorHandler(404, c -> error(c, new ApiError(404, 40410000, "endpoint not found")));
        router.errorHandler(405, c -> error(c, new ApiError(405, 40510000, "method not allowed")));
        return router;
    }

    private void authenticate(RoutingContext ctx) {
        String authorization = ctx.request().getHeader("Authorization");
        if (authorization != null && authorization.startsWith(BEARER)) {
            Optional<Sessions.Session> session = sessions.find(authorization.substring(BEARER.length()).trim());
            if (session.isEmpty()) {
                error(ctx, new ApiError(401, 40110000, "request is not authorized: the session expired or was logged out"));
                return;
            }
            admit(ctx, session.get().keyId(), Optional.of(session.get().role()));
            return;
        }
        String keyId = ctx.request().getHeader(KEY_HEADER);
        String secret = ctx.request().getHeader(SECRET_HEADER);
        if (keyId == null || secret == null || keyId.isEmpty() || secret.isEmpty()) {
            error(ctx, new ApiError(401, 40110000, "request is not authorized: send " + KEY_HEADER + " and "
                    + SECRET_HEADER));
            return;
        }
        if (keys.needsSlowCheck(keyId)) {
            ctx.vertx().executeBlocking(() -> keys.authenticate(keyId, secret), false)
                    .onComplete(r -> admit(ctx, keyId, r.succeeded() ? r.result() : Optional.empty()));
        } else {
            admit(ctx, keyId, keys.authenticate(keyId, secret));
        }
    }

    private void admit(RoutingContext ctx, String keyId, Optional<Role> role) {
        if (role.isEmpty()) {
            error(ctx, new ApiError(401, 40110000, "request is not authorized: unknown key or wrong secret"));
            return;
        }
        TokenBucket bucket = buckets.computeIfAbsent(keyId,
                k -> new TokenBucket(settings.burst(), settings.requestsPerMinute(), System.nanoTime()));
        TokenBucket.Take take = bucket.take(System.nanoTime());
        long resetSeconds = TimeUnit.NANOSECONDS.toSeconds(clock.nanos() + take.nanosUntilFull() + 999_999_999L);
        ctx.response().putHeader("X-RateLimit-Limit", Integer.toString(settings.requestsPerMinute()))
                .putHeader("X-RateLimit-Remaining", Integer.toString(take.remaining()))
                .putHeader("X-RateLimit-Reset", Long.toString(resetSeconds));
        if (!take.allowed()) {
            error(ctx, new ApiError(429, 42910000, "rate limit exceeded"));
            return;
        }
        HttpMethod method = ctx.request().method();
        boolean changes = method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS
                && !PlatformApi.CALCULATIONS.contains(ctx.normalizedPath());
        if (changes && !role.get().canTrade()) {
            error(ctx, ApiError.forbidden("forbidden: the key's role " + role.get().name().toLowerCase(Locale.ROOT)
                    + " may not " + method.name()));
            return;
        }
        ctx.put(ROLE, role.get());
        ctx.put(PlatformApi.KEY_ID, keyId);
        ctx.put(OWNER, owners.computeIfAbsent(keyId, k -> StrategyId.of("api." + k)));
        ctx.next();
    }

    private void failure(RoutingContext ctx) {
        Throwable f = ctx.failure();
        if (f instanceof ApiError e) {
            error(ctx, e);
        } else if (ctx.statusCode() == 413) {
            error(ctx, new ApiError(413, 41310000, "request body is larger than " + settings.maxBodyBytes() + " bytes"));
        } else if (f instanceof DecodeException || f instanceof ClassCastException) {
            error(ctx, new ApiError(400, 40010001, "request body is not a JSON object"));
        } else if (f instanceof NoClassDefFoundError) {
            error(ctx, new ApiError(503, 50310000, "this endpoint needs a bundle that is not installed: " + f.getMessage()));
        } else if (f instanceof IllegalArgumentException && ctx.normalizedPath().startsWith("/api/v1/")) {
            error(ctx, new ApiError(422, 42210000, f.getMessage()));
        } else if (f == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
            error(ctx, new ApiError(ctx.statusCode(), ctx.statusCode() * 100_000, "request failed"));
        } else {
            LOG.warn("request {} {} failed", ctx.request().method(), ctx.request().path(), f);
            error(ctx, new ApiError(500, 50010000, "internal server error"));
        }
    }

    private static void error(RoutingContext ctx, ApiError e) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(e.status()).putHeader("content-type", JSON)
                .end(new JsonObject().put("code", e.code()).put("message", e.getMessage()).toBuffer());
    }

    private static void reply(RoutingContext ctx, int status, Object body) {
        String text = body instanceof JsonObject o ? o.encode() : ((JsonArray) body).encode();
        ctx.response().setStatusCode(status).putHeader("content-type", JSON).end(text);
    }

    // ------------------------------------------------------------------ account

    private JsonObject account() {
        return json.account(node.account(), settings.accountNumber(), createdNanos, node.killSwitch().isEngaged());
    }

    // ------------------------------------------------------------------ orders

    /**
     * Hands the order to the node without holding a thread: the stage completes on the node's thread,
     * so the answer is made back on this request's event loop. A node that has not taken the order
     * within {@link #SUBMIT_TIMEOUT_MILLIS} is answered 504 (the order may still be taken later: a
     * client looks it up by its client order id before sending it again).
     */
    private void submit(RoutingContext ctx) {
        SubmitOrder order = OrderRequests.submit(body(ctx));
        if (!submittedIds.add(order.clientOrderId())) {
            throw duplicateId();
        }
        StrategyId owner = ctx.get(OWNER);
        Vertx v = ctx.vertx();
        Context context = v.getOrCreateContext();
        CompletionStage<OrderView> taken = node.submitAsync(owner, order);
        long timer = v.setTimer(SUBMIT_TIMEOUT_MILLIS, t -> error(ctx, new ApiError(504, 50410000,
                "the trading node did not take order " + order.clientOrderId() + " within " + SUBMIT_TIMEOUT_MILLIS
                        + " ms; look it up by client_order_id before sending it again")));
        taken.whenComplete((view, failure) -> context.runOnContext(ignored -> {
            if (!v.cancelTimer(timer)) {
                return; // answered 504 already
            }
            if (failure != null) {
                ctx.fail(failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure);
                return;
            }
            try {
                answerSubmitted(ctx, owner, order, view);
            } catch (RuntimeException e) {
                ctx.fail(e);
            }
        }));
    }

    /**
     * Answers a submission the node has taken; event loop. A simple order is answered here; an order
     * with legs (or an OCO order, whose view is its take-profit leg's) needs node look-ups, which block,
     * so it is answered from a worker thread.
     */
    private void answerSubmitted(RoutingContext ctx, StrategyId owner, SubmitOrder order, OrderView view) {
        if (view != null && (!view.strategyId().equals(owner) || view.createdTime() < createdNanos)) {
            // the kernel refused the id as already used and answered with the order that holds it
            throw duplicateId();
        }
        if (order.orderClass() == OrderClass.SIMPLE) {
            reply(ctx, 200, submittedJson(order, view, null));
            return;
        }
        ctx.vertx().executeBlocking(() -> submittedJson(order, view, node::order), false).onComplete(r -> {
            if (r.succeeded()) {
                reply(ctx, 200, r.result());
            } else {
                ctx.fail(r.cause());
            }
        });
    }

    /** The submitted order's JSON; {@code legs} looks up an order with legs' legs (null for a simple order). */
    private JsonObject submittedJson(SubmitOrder order, OrderView taken, Function<ClientOrderId, OrderView> legs) {
        OrderView view = taken;
        if (view == null && order.orderClass() == OrderClass.OCO) {
            view = legs.apply(ClientOrderId.of(order.clientOrderId().value() + SubmitOrder.TAKE_PROFIT_SUFFIX));
        }
        if (view == null) {
            throw new IllegalStateException("the node lost order " + order.clientOrderId());
        }
        if (view.status() == OrderStatus.REJECTED) {
            throw rejection(view);
        }
        return json.order(view, legs);
    }

    private static ApiError duplicateId() {
        return new ApiError(422, 40010001, "client_order_id must be unique");
    }

    private static ApiError rejection(OrderView view) {
        String reason = view.reason() == null ? "order rejected" : view.reason();
        if (reason.startsWith("buying-power")) {
            return new ApiError(403, 40310000, "insufficient buying power (" + reason + ")");
        }
        return new ApiError(403, 40310000, reason);
    }

    private void listOrders(RoutingContext ctx) {
        String status = query(ctx, "status", "open");
        if (!Set.of("open", "closed", "all").contains(status)) {
            throw ApiError.invalidField("status", "expected open, closed or all, was '" + status + "'");
        }
        int limit = intParam(ctx, "limit", 50, 1, 500);
        Instant after = instantParam(ctx, "after");
        Instant until = instantParam(ctx, "until");
        String direction = query(ctx, "direction", "desc");
        if (!direction.equals("asc") && !direction.equals("desc")) {
            throw ApiError.invalidField("direction", "expected asc or desc, was '" + direction + "'");
        }
        boolean nested = boolParam(ctx, "nested");
        Set<String> symbols = new TreeSet<>();
        String symbolList = query(ctx, "symbols", "");
        for (String s : symbolList.split(",")) {
            if (!s.isBlank()) {
                symbols.add(s.trim().toUpperCase(Locale.ROOT));
            }
        }
        String side = query(ctx, "side", "");
        List<OrderView> all = node.orders();
        Map<ClientOrderId, OrderView> byId = new HashMap<>();
        for (OrderView o : all) {
            byId.put(o.clientOrderId(), o);
        }
        List<OrderView> selected = new ArrayList<>();
        for (OrderView o : all) {
            boolean open = !o.status().isTerminal();
            if ((status.equals("open") && !open) || (status.equals("closed") && open)) {
                continue;
            }
            if (nested && AlpacaJson.nestedUnder(o, byId::get)) {
                continue;
            }
            if (!symbols.isEmpty() && !symbols.contains(o.request().instrument().value())) {
                continue;
            }
            if (!side.isEmpty() && !AlpacaJson.lower(o.request().side()).equals(side)) {
                continue;
            }
            Instant created = Clock.toInstant(o.createdTime());
            if ((after != null && !created.isAfter(after)) || (until != null && !created.isBefore(until))) {
                continue;
            }
            selected.add(o);
        }
        if (direction.equals("asc")) {
            Collections.reverse(selected);
        }
        JsonArray out = new JsonArray();
        for (OrderView o : selected.subList(0, Math.min(limit, selected.size()))) {
            out.add(json.order(o, byId::get, nested));
        }
        reply(ctx, 200, out);
    }

    private void getOrder(RoutingContext ctx) {
        OrderView view = findOrder(ctx.pathParam("id"));
        reply(ctx, 200, json.order(view, node::order, boolParam(ctx, "nested")));
    }

    private void orderByClientId(RoutingContext ctx) {
        String id = query(ctx, "client_order_id", "");
        if (id.isEmpty()) {
            throw ApiError.invalidField("client_order_id", "is required");
        }
        ClientOrderId cid;
        try {
            cid = ClientOrderId.of(id);
        } catch (IllegalArgumentException e) {
            throw ApiError.notFound("order not found");
        }
        OrderView view = node.order(cid);
        if (view == null) {
            // an OCO order is found by the id it was submitted with, which names its take-profit leg's group
            view = AlpacaJson.ocoOrder(cid, node::order);
        }
        if (view == null) {
            throw ApiError.notFound("order not found");
        }
        reply(ctx, 200, json.order(view, node::order));
    }

    private OrderView findOrder(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiError.notFound("order not found");
        }
        ClientOrderId cid = json.ids().lookup(uuid);
        if (cid == null) {
            for (OrderView o : node.orders()) {
                json.ids().idOf(o.clientOrderId());
            }
            cid = json.ids().lookup(uuid);
        }
        OrderView view = cid == null ? null : node.order(cid);
        if (view == null) {
            throw ApiError.notFound("order not found");
        }
        return view;
    }

    private void cancel(RoutingContext ctx) {
        OrderView view = findOrder(ctx.pathParam("id"));
        if (view.status().isTerminal()) {
            throw new ApiError(422, 42210000, "order is already in \"" + AlpacaJson.status(view.status()) + "\" state");
        }
        node.cancel(view.clientOrderId());
        // an OCO order is canceled whole, as Alpaca does: its stop-loss leg goes with the take-profit it shows as
        OrderView stopLoss = AlpacaJson.ocoStopLoss(view, node::order);
        if (stopLoss != null && !stopLoss.status().isTerminal()) {
            node.cancel(stopLoss.clientOrderId());
        }
        ctx.response().setStatusCode(204).end();
    }

    private void cancelAll(RoutingContext ctx) {
        List<ClientOrderId> canceled = new ArrayList<>();
        for (OrderView o : node.orders()) {
            if (!o.status().isTerminal()) {
                node.cancel(o.clientOrderId());
                canceled.add(o.clientOrderId());
            }
        }
        JsonArray out = new JsonArray();
        for (ClientOrderId cid : canceled) {
            OrderView now = node.order(cid);
            out.add(new JsonObject().put("id", json.ids().idOf(cid)).put("status", 200)
                    .put("body", json.order(now, node::order, false)));
        }
        reply(ctx, 207, out);
    }

    private void replace(RoutingContext ctx) {
        OrderView old = findOrder(ctx.pathParam("id"));
        if (old.status().isTerminal()) {
            throw new ApiError(422, 42210000, "order is already in \"" + AlpacaJson.status(old.status()) + "\" state");
        }
        ReplaceOrder replace = OrderRequests.replace(old.clientOrderId(), body(ctx));
        if (!submittedIds.add(replace.newClientOrderId()) || node.order(replace.newClientOrderId()) != null) {
            throw duplicateId();
        }
        node.replace(replace);
        OrderView replacement = node.order(replace.newClientOrderId());
        if (replacement == null || replacement.status() == OrderStatus.REJECTED) {
            String why = replacement != null && replacement.reason() != null ? replacement.reason() : "the venue refused it";
            throw new ApiError(422, 42210000, "order could not be replaced: " + why);
        }
        json.replaced(old.clientOrderId(), replacement.clientOrderId());
        reply(ctx, 200, json.order(replacement, node::order));
    }

    // ------------------------------------------------------------------ positions

    private JsonArray positions() {
        List<OrderView> orders = node.orders();
        JsonArray out = new JsonArray();
        for (PositionView p : node.positions()) {
            out.add(positionJson(p, orders));
        }
        return out;
    }

    private JsonObject positionJson(PositionView p, List<OrderView> orders) {
        Side closing = p.quantity().isNegative() ? Side.BUY : Side.SELL;
        Quantity committed = Quantity.ZERO;
        for (OrderView o : orders) {
            if (!o.status().isTerminal() && o.status() != OrderStatus.HELD
                    && o.request().instrument().equals(p.instrument()) && o.request().side() == closing) {
                committed = committed.plus(o.leavesQuantity());
            }
        }
        return json.position(p, asset(p.instrument()), committed);
    }

    private PositionView findPosition(String symbol) {
        String wanted = symbol.trim().toUpperCase(Locale.ROOT);
        for (PositionView p : node.positions()) {
            String s = p.instrument().value();
            if (s.equals(wanted) || s.replace("/", "").equals(wanted)) {
                return p;
            }
        }
        throw ApiError.notFound("position does not exist");
    }

    private void getPosition(RoutingContext ctx) {
        reply(ctx, 200, positionJson(findPosition(ctx.pathParam("symbol")), node.orders()));
    }

    private void closePosition(RoutingContext ctx) {
        PositionView p = findPosition(ctx.pathParam("symbol"));
        String qtyText = query(ctx, "qty", "");
        String percentText = query(ctx, "percentage", "");
        Quantity held = p.quantity().abs();
        Quantity quantity = held;
        if (!qtyText.isEmpty() && !percentText.isEmpty()) {
            throw ApiError.invalidField("qty", "send qty or percentage, not both");
        }
        if (!qtyText.isEmpty()) {
            quantity = positiveQuantity("qty", qtyText);
            if (quantity.compareTo(held) > 0) {
                throw new ApiError(403, 40310000, "insufficient qty available for order (requested: " + quantity
                        + ", available: " + held + ")");
            }
        } else if (!percentText.isEmpty()) {
            BigDecimal percent = decimalParam("percentage", percentText);
            if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw ApiError.invalidField("percentage", "must be above 0 and at most 100, was " + percentText);
            }
            quantity = Quantity.of(held.toDecimal().multiply(percent)
                    .divide(BigDecimal.valueOf(100), FixedPoint.SCALE, RoundingMode.DOWN));
            if (!quantity.isPositive()) {
                throw ApiError.invalidField("percentage", "closes nothing of " + held);
            }
        }
        reply(ctx, 200, json.order(closeOrder(ctx.get(OWNER), p, quantity), null));
    }

    private OrderView closeOrder(StrategyId owner, PositionView p, Quantity quantity) {
        boolean crypto = asset(p.instrument()).instrument().assetClass() == AssetClass.CRYPTO;
        SubmitOrder order = SubmitOrder.builder(p.instrument(), p.quantity().isNegative() ? Side.BUY : Side.SELL, quantity)
                .clientOrderId(ClientOrderId.of(UUID.randomUUID().toString()))
                .timeInForce(crypto ? TimeInForce.GTC : TimeInForce.DAY).build();
        OrderView view = node.submit(owner, order);
        if (view.status() == OrderStatus.REJECTED) {
            throw rejection(view);
        }
        return view;
    }

    private void closeAll(RoutingContext ctx) {
        if (boolParam(ctx, "cancel_orders")) {
            for (OrderView o : node.orders()) {
                if (!o.status().isTerminal()) {
                    node.cancel(o.clientOrderId());
                }
            }
        }
        JsonArray out = new JsonArray();
        for (PositionView p : node.positions()) {
            JsonObject entry = new JsonObject().put("symbol", p.instrument().value());
            try {
                entry.put("status", 200).put("body", json.order(closeOrder(ctx.get(OWNER), p, p.quantity().abs()), null));
            } catch (ApiError e) {
                entry.put("status", e.status()).put("body",
                        new JsonObject().put("code", e.code()).put("message", e.getMessage()));
            }
            out.add(entry);
        }
        reply(ctx, 207, out);
    }

    // ------------------------------------------------------------------ calendar and assets

    private void calendar(RoutingContext ctx) {
        LocalDate today = clock.instant().atZone(settings.calendar().zone()).toLocalDate();
        LocalDate start = dateParam(ctx, "start", today);
        LocalDate end = dateParam(ctx, "end", start.plusDays(30));
        if (end.isBefore(start)) {
            throw ApiError.invalidField("end", "is before start");
        }
        if (ChronoUnit.DAYS.between(start, end) > MAX_CALENDAR_DAYS) {
            throw ApiError.invalidField("end", "at most " + MAX_CALENDAR_DAYS + " days after start");
        }
        JsonArray out = new JsonArray();
        for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
            if (settings.calendar().isTradingDay(d)) {
                out.add(AlpacaJson.calendarDay(settings.calendar(), d));
            }
        }
        reply(ctx, 200, out);
    }

    private AssetInfo asset(InstrumentId id) {
        AssetInfo configured = configuredAssets.get(id);
        return configured != null ? configured : AssetInfo.of(id);
    }

    /** The configured assets plus every instrument the node holds or has ordered, by symbol. */
    private Map<String, AssetInfo> assets() {
        Map<String, AssetInfo> out = new LinkedHashMap<>();
        for (AssetInfo a : configuredAssets.values()) {
            out.put(a.instrument().id().value(), a);
        }
        for (PositionView p : node.positions()) {
            out.computeIfAbsent(p.instrument().value(), k -> asset(p.instrument()));
        }
        for (OrderView o : node.orders()) {
            InstrumentId id = o.request().instrument();
            out.computeIfAbsent(id.value(), k -> asset(id));
        }
        return out;
    }

    private void listAssets(RoutingContext ctx) {
        String status = query(ctx, "status", "active");
        String assetClass = query(ctx, "asset_class", "");
        JsonArray out = new JsonArray();
        if (status.equals("active")) {
            for (AssetInfo a : assets().values()) {
                if (assetClass.isEmpty() || AlpacaJson.assetClass(a.instrument().assetClass()).equals(assetClass)) {
                    out.add(AlpacaJson.asset(a));
                }
            }
        }
        reply(ctx, 200, out);
    }

    private void getAsset(RoutingContext ctx) {
        String wanted = ctx.pathParam("symbol").trim();
        for (AssetInfo a : assets().values()) {
            String symbol = a.instrument().id().value();
            if (symbol.equalsIgnoreCase(wanted) || symbol.replace("/", "").equalsIgnoreCase(wanted)
                    || OrderIds.assetId(symbol).equals(wanted)) {
                reply(ctx, 200, AlpacaJson.asset(a));
                return;
            }
        }
        throw ApiError.notFound("asset not found");
    }

    // ------------------------------------------------------------------ parameters

    private static JsonObject body(RoutingContext ctx) {
        if (ctx.body() == null || ctx.body().length() == 0) {
            throw new ApiError(400, 40010001, "request body is empty; expected a JSON object");
        }
        return ctx.body().asJsonObject();
    }

    private static String query(RoutingContext ctx, String name, String fallback) {
        String value = ctx.queryParams().get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static boolean boolParam(RoutingContext ctx, String name) {
        String value = query(ctx, name, "false");
        if (!value.equals("true") && !value.equals("false")) {
            throw ApiError.invalidField(name, "expected true or false, was '" + value + "'");
        }
        return value.equals("true");
    }

    private static int intParam(RoutingContext ctx, String name, int fallback, int min, int max) {
        String value = query(ctx, name, "");
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw ApiError.invalidField(name, "must be between " + min + " and " + max + ", was " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiError.invalidField(name, "not an integer: '" + value + "'");
        }
    }

    private static Instant instantParam(RoutingContext ctx, String name) {
        String value = query(ctx, name, "");
        if (value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notTimestamp) {
            try {
                return LocalDate.parse(value).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw ApiError.invalidField(name, "expected an RFC 3339 timestamp or a date, was '" + value + "'");
            }
        }
    }

    private static LocalDate dateParam(RoutingContext ctx, String name, LocalDate fallback) {
        String value = query(ctx, name, "");
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return value.length() > 10 ? OffsetDateTime.parse(value).toLocalDate() : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiError.invalidField(name, "expected YYYY-MM-DD, was '" + value + "'");
        }
    }

    private static BigDecimal decimalParam(String name, String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw ApiError.invalidField(name, "not a decimal number: '" + text + "'");
        }
    }

    private static Quantity positiveQuantity(String name, String text) {
        BigDecimal value = decimalParam(name, text);
        if (value.signum() <= 0) {
            throw ApiError.invalidField(name, "must be positive, was " + text);
        }
        try {
            return Quantity.of(value);
        } catch (ArithmeticException e) {
            throw ApiError.invalidField(name, "more than 8 decimal places or out of range: " + text);
        }
    }
}
