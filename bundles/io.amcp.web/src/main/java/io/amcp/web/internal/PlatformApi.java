package io.amcp.web.internal;

import io.amcp.api.model.BarSeries;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.NumberText;
import io.amcp.api.model.StrategyId;
import io.amcp.api.order.OrderStatus;
import io.amcp.api.order.OrderView;
import io.amcp.api.portfolio.AccountView;
import io.amcp.api.portfolio.PositionView;
import io.amcp.api.spi.AuditLog;
import io.amcp.api.spi.BacktestStrategies;
import io.amcp.api.spi.DatasetProvider;
import io.amcp.api.spi.KillSwitch;
import io.amcp.api.spi.PluginDeployer;
import io.amcp.api.spi.TradingNode;
import io.amcp.web.ApiKeyStore;
import io.amcp.web.BundleInventory;
import io.amcp.web.PlatformServices;
import io.amcp.web.Role;
import io.amcp.web.StrategyParameters;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The platform API under {@code /api/v1}: strategies, backtests with progress, datasets, risk,
 * bundles, nodes, audit, models and option pricing for the web console. Requests are authenticated
 * by the server's handler (API key headers or a console session's bearer token) before they get
 * here; each route then checks the role it needs: viewers read, traders act on strategies and run
 * backtests, admins change the kill switch, parameters and bundles and read the audit log. Errors
 * use Alpaca's shape. The routes are described in {@code openapi.json} beside this class.
 */
public final class PlatformApi implements AutoCloseable {

    /** Routing-context key of the authenticated {@link Role}. */
    public static final String ROLE = "amcp.role";
    /** Routing-context key of the authenticated key id. */
    public static final String KEY_ID = "amcp.keyId";
    /** The only path whose body may be a bundle upload rather than a small JSON object. */
    public static final String DEPLOY_PATH = "/api/v1/strategies/deploy";
    /** POST paths that only calculate (change nothing), so viewers may call them. */
    public static final Set<String> CALCULATIONS = Set.of("/api/v1/options/payoff");
    /** Largest bundle upload in bytes. */
    public static final int MAX_UPLOAD_BYTES = 64 * 1024 * 1024;
    static final String OPENAPI_RESOURCE = "/io/amcp/web/openapi.json";

    private static final String JSON = "application/json; charset=utf-8";
    private static final int MAX_AUDIT = 1_000;
    private static final int MAX_BARS = 5_000;

    private final TradingNode node;
    private final ApiKeyStore keys;
    private final PlatformServices services;
    private final Sessions sessions;
    private final BacktestJobs backtests = new BacktestJobs();
    private final long startedNanos = System.nanoTime();
    private final AtomicLong requests = new AtomicLong();
    private final Map<String, List<BarSeries>> datasetCache = new LinkedHashMap<>();

    public PlatformApi(TradingNode node, ApiKeyStore keys, PlatformServices services, Sessions sessions) {
        this.node = node;
        this.keys = keys;
        this.services = services;
        this.sessions = sessions;
    }

    /**
     * Adds the routes. {@code authenticate} must admit the request (setting {@link #ROLE} and
     * {@link #KEY_ID}) or answer it.
     */
    public void mount(Router router, Handler<RoutingContext> authenticate) {
        router.post("/api/v1/session").blockingHandler(this::login, false);
        router.get("/api/v1/openapi.json").handler(this::openApi);
        router.delete("/api/v1/session").handler(this::logout);
        router.route("/api/v1/*").handler(authenticate).handler(c -> {
            requests.incrementAndGet();
            c.next();
        });
        router.get("/api/v1/session").handler(c -> reply(c, new JsonObject().put("key_id", c.<String>get(KEY_ID))
                .put("role", lower(c.<Role>get(ROLE)))));

        router.get("/api/v1/strategies").blockingHandler(c -> reply(c, strategies()), false);
        for (String action : List.of("start", "stop", "pause", "resume")) {
            router.post("/api/v1/strategies/:id/" + action).handler(role(Role.TRADER))
                    .blockingHandler(c -> strategyAction(c, action), false);
        }
        router.get("/api/v1/strategies/:id/params").blockingHandler(c -> reply(c, new JsonObject()
                .put("id", c.pathParam("id")).put("params", new JsonObject(parameters().get(c.pathParam("id"))))), false);
        router.put("/api/v1/strategies/:id/params").handler(role(Role.ADMIN)).blockingHandler(this::updateParams, false);
        router.post(DEPLOY_PATH).handler(role(Role.ADMIN)).blockingHandler(this::deploy, false);

        router.get("/api/v1/backtests/strategies").handler(c -> reply(c, backtestStrategies()));
        router.get("/api/v1/backtests").handler(c -> reply(c, new JsonArray(backtests.jobs().stream()
                .map(BacktestJobs.Job::status).toList())));
        router.post("/api/v1/backtests").handler(role(Role.TRADER)).blockingHandler(this::startBacktest, false);
        router.get("/api/v1/backtests/:id").handler(c -> reply(c, job(c).status()));
        router.get("/api/v1/backtests/:id/result").handler(this::backtestResult);

        router.get("/api/v1/datasets").handler(c -> reply(c, datasets()));
        router.get("/api/v1/datasets/:id/bars").blockingHandler(this::bars, false);

        router.get("/api/v1/risk").blockingHandler(c -> reply(c, risk()), false);
        router.put("/api/v1/risk/kill-switch").handler(role(Role.ADMIN)).blockingHandler(this::killSwitch, false);

        router.get("/api/v1/bundles").blockingHandler(c -> reply(c, bundles()), false);
        router.get("/api/v1/nodes").blockingHandler(c -> reply(c, new JsonArray().add(thisNode())), false);
        router.get("/api/v1/health").blockingHandler(c -> reply(c, health()), false);
        router.get("/api/v1/metrics").handler(c -> reply(c, metrics()));
        router.get("/api/v1/audit").handler(role(Role.ADMIN)).blockingHandler(this::audit, false);
        router.get("/api/v1/alerts").blockingHandler(c -> reply(c, alerts()), false);
        router.get("/api/v1/models").blockingHandler(c -> reply(c, ModelCatalog.list(services.modelRegistry())), false);
        router.get("/api/v1/options/chain").handler(c -> reply(c, OptionsDesk.chain(c.queryParams())));
        router.post("/api/v1/options/payoff").handler(c -> reply(c, OptionsDesk.payoff(body(c))));
    }

    /**
     * For the Alpaca-compatible API: writes every state-changing request (not GET/HEAD/OPTIONS) to the
     * audit log once answered: actor = key id, action {@code api.<method>}, subject = path, detail =
     * HTTP status. Must run after authentication.
     */
    public Handler<RoutingContext> auditChanges() {
        return c -> {
            String method = c.request().method().name();
            if (!method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS")) {
                String keyId = c.get(KEY_ID);
                String path = c.normalizedPath();
                c.addEndHandler(v -> {
                    int status = c.response().getStatusCode();
                    c.vertx().executeBlocking(() -> {
                        audit(keyId, "api." + method.toLowerCase(Locale.ROOT), path, "HTTP " + status);
                        return null;
                    }, false);
                });
            }
            c.next();
        };
    }

    // ------------------------------------------------------------------ session

    private void login(RoutingContext c) {
        JsonObject body = body(c);
        String keyId = requiredText(body, "key_id");
        String secret = requiredText(body, "secret");
        Optional<Role> role = keys.authenticate(keyId, secret);
        if (role.isEmpty()) {
            audit(keyId, "login.failed", "", "unknown key or wrong secret");
            throw new ApiError(401, 40110000, "request is not authorized: unknown key or wrong secret");
        }
        Sessions.Session s = sessions.open(keyId, role.get());
        audit(keyId, "login", "", "console session opened");
        reply(c, new JsonObject().put("token", s.token()).put("key_id", keyId).put("role", lower(role.get())));
    }

    private void logout(RoutingContext c) {
        String header = c.request().getHeader("Authorization");
        if (header != null && header.startsWith("Bearer ")) {
            sessions.close(header.substring(7).trim());
        }
        c.response().setStatusCode(204).end();
    }

    private void openApi(RoutingContext c) {
        try (InputStream in = PlatformApi.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(OPENAPI_RESOURCE + " is missing from the bundle");
            }
            c.response().putHeader("content-type", JSON).end(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ strategies

    private JsonArray strategies() {
        JsonArray out = new JsonArray();
        for (TradingNode.StrategyInfo s : node.strategies()) {
            out.add(new JsonObject().put("id", s.id().value()).put("class_name", s.className())
                    .put("version", s.version()).put("state", s.state()).put("reason", s.reason())
                    .put("events_handled", s.eventsHandled()).put("orders_submitted", s.ordersSubmitted())
                    .put("swaps", s.swaps()));
        }
        return out;
    }

    private void strategyAction(RoutingContext c, String action) {
        StrategyId id = strategyId(c.pathParam("id"));
        switch (action) {
            case "start" -> node.startStrategy(id);
            case "stop" -> node.stopStrategy(id);
            case "pause" -> node.pauseStrategy(id);
            default -> node.resumeStrategy(id);
        }
        audit(c.get(KEY_ID), "strategy." + action, id.value(), "");
        reply(c, strategies().stream().map(JsonObject.class::cast).filter(o -> o.getString("id").equals(id.value()))
                .findFirst().orElse(new JsonObject().put("id", id.value())));
    }

    private StrategyId strategyId(String text) {
        StrategyId id = StrategyId.of(text);
        if (node.strategies().stream().noneMatch(s -> s.id().equals(id))) {
            throw ApiError.notFound("strategy not found: " + text);
        }
        return id;
    }

    private StrategyParameters parameters() {
        return services.parameters().orElseThrow(() -> unavailable("strategy parameters (Config Admin)"));
    }

    private void updateParams(RoutingContext c) {
        JsonObject body = body(c);
        Map<String, String> changes = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : body) {
            if (e.getValue() == null || e.getValue() instanceof JsonObject || e.getValue() instanceof JsonArray) {
                throw ApiError.invalidField(e.getKey(), "must be a string, number or boolean");
            }
            changes.put(e.getKey(), e.getValue().toString());
        }
        Map<String, Object> after = parameters().update(c.pathParam("id"), changes);
        audit(c.get(KEY_ID), "strategy.params", c.pathParam("id"), changes.toString());
        reply(c, new JsonObject().put("id", c.pathParam("id")).put("params", new JsonObject(after)));
    }

    private void deploy(RoutingContext c) {
        PluginDeployer deployer = services.deployer().orElseThrow(() -> unavailable("plugin deployer"));
        String name = c.queryParams().get("name");
        if (name == null || !name.matches("[A-Za-z0-9._-]{1,128}\\.jar")) {
            throw ApiError.invalidField("name", "must be a file name ending in .jar, e.g. my-strategy-1.0.jar");
        }
        if (c.body() == null || c.body().length() == 0) {
            throw ApiError.invalidField("body", "must hold the bundle jar");
        }
        PluginDeployer.Deployment d;
        try {
            d = deployer.deploy(name, new ByteArrayInputStream(c.body().buffer().getBytes()));
        } catch (IOException e) {
            throw new ApiError(422, 42210000, "body: cannot read the bundle: " + e.getMessage());
        }
        audit(c.get(KEY_ID), "bundle.deploy", d.symbolicName(), d.updated() ? d.previous() + " -> " + d.version() : d.version());
        reply(c, new JsonObject().put("bundle_id", d.bundleId()).put("symbolic_name", d.symbolicName())
                .put("version", d.version()).put("previous", d.previous()).put("updated", d.updated()));
    }

    // ------------------------------------------------------------------ backtests

    /** Each strategy the strategy bundles offer to backtests, with its parameters and their defaults as text. */
    private JsonArray backtestStrategies() {
        JsonArray out = new JsonArray();
        services.backtestStrategies().forEach(b -> b.names().forEach(name -> out.add(new JsonObject().put("name", name)
                .put("parameters", new JsonObject(new LinkedHashMap<String, Object>(b.parameters(name)))))));
        return out;
    }

    private void startBacktest(RoutingContext c) {
        JsonObject body = body(c);
        String strategy = requiredText(body, "strategy");
        String datasetId = requiredText(body, "dataset");
        String symbol = body.getValue("symbol") instanceof String s && !s.isBlank() ? s : null;
        double cash = number(body, "initial_cash", 100_000);
        if (!(cash > 0) || !Double.isFinite(cash)) {
            throw ApiError.invalidField("initial_cash", "must be a positive number");
        }
        Map<String, String> params = new LinkedHashMap<>();
        Object p = body.getValue("params");
        if (p != null && !(p instanceof JsonObject)) {
            throw ApiError.invalidField("params", "must be an object of name: value");
        }
        if (p instanceof JsonObject o) {
            o.forEach(e -> params.put(e.getKey(), e.getValue() instanceof Number n
                    ? NumberText.of("params." + e.getKey(), n) : String.valueOf(e.getValue())));
        }
        BacktestStrategies catalog = services.backtestStrategies().stream().filter(b -> b.names().contains(strategy))
                .findFirst().orElseThrow(() -> ApiError.invalidField("strategy", "unknown strategy '" + strategy
                        + "'; known: " + services.backtestStrategies().stream().flatMap(b -> b.names().stream()).toList()));
        DatasetProvider provider = provider(datasetId);
        String checkSymbol = symbol != null ? symbol : provider.datasets().stream().filter(d -> d.id().equals(datasetId))
                .flatMap(d -> d.symbols().stream()).findFirst().orElse("CHECK");
        try { // bad parameters are refused here rather than failing the job later
            catalog.create(strategy, StrategyId.of("backtest-check"), checkSymbol, params);
        } catch (IllegalArgumentException e) {
            throw ApiError.invalidField("params", e.getMessage());
        }
        BacktestJobs.Request request = new BacktestJobs.Request(strategy, params, datasetId, symbol, cash);
        BacktestJobs.Job job = backtests.start(request, (id, sym) -> catalog.create(strategy, id, sym, params),
                () -> provider.load(datasetId));
        audit(c.get(KEY_ID), "backtest.start", job.id, strategy + " on " + datasetId);
        c.response().setStatusCode(202);
        reply(c, job.status());
    }

    private BacktestJobs.Job job(RoutingContext c) {
        BacktestJobs.Job job = backtests.job(c.pathParam("id"));
        if (job == null) {
            throw ApiError.notFound("backtest not found: " + c.pathParam("id"));
        }
        return job;
    }

    private void backtestResult(RoutingContext c) {
        BacktestJobs.Job job = job(c);
        if (job.result() == null) {
            throw new ApiError(409, 40910000, "backtest " + job.id + " is " + job.state() + "; no result yet");
        }
        reply(c, job.result());
    }

    // ------------------------------------------------------------------ datasets

    private JsonArray datasets() {
        JsonArray out = new JsonArray();
        for (DatasetProvider p : services.datasets()) {
            for (DatasetProvider.DatasetInfo d : p.datasets()) {
                out.add(new JsonObject().put("id", d.id()).put("description", d.description())
                        .put("bar_size", d.barSize()).put("symbols", new JsonArray(d.symbols())));
            }
        }
        return out;
    }

    private DatasetProvider provider(String datasetId) {
        for (DatasetProvider p : services.datasets()) {
            if (p.datasets().stream().anyMatch(d -> d.id().equals(datasetId))) {
                return p;
            }
        }
        throw ApiError.invalidField("dataset", "unknown dataset '" + datasetId + "'");
    }

    private void bars(RoutingContext c) {
        String datasetId = c.pathParam("id");
        DatasetProvider provider = provider(datasetId);
        List<BarSeries> data;
        synchronized (datasetCache) {
            data = datasetCache.computeIfAbsent(datasetId, provider::load);
            while (datasetCache.size() > 2) {
                datasetCache.remove(datasetCache.keySet().iterator().next());
            }
        }
        String symbol = c.queryParams().get("symbol");
        BarSeries series = data.stream().filter(s -> symbol == null || s.instrument().id().value().equals(symbol))
                .findFirst().orElseThrow(() -> ApiError.invalidField("symbol", "dataset " + datasetId + " has no " + symbol));
        int limit = intParam(c, "limit", 500, MAX_BARS);
        JsonArray rows = new JsonArray();
        for (int i = Math.max(0, series.size() - limit); i < series.size(); i++) {
            rows.add(new JsonArray().add(series.time()[i] / 1_000_000L).add(FixedPoint.toDouble(series.open()[i]))
                    .add(FixedPoint.toDouble(series.high()[i])).add(FixedPoint.toDouble(series.low()[i]))
                    .add(FixedPoint.toDouble(series.close()[i])).add(FixedPoint.toDouble(series.volume()[i])));
        }
        reply(c, new JsonObject().put("dataset", datasetId).put("symbol", series.instrument().id().value())
                .put("columns", new JsonArray(List.of("time_ms", "open", "high", "low", "close", "volume")))
                .put("bars", rows));
    }

    // ------------------------------------------------------------------ risk

    private JsonObject risk() {
        AccountView a = node.account();
        List<PositionView> positions = node.positions();
        double gross = 0;
        double net = 0;
        JsonArray rows = new JsonArray();
        for (PositionView p : positions) {
            double mv = p.marketValue().toDouble();
            gross += Math.abs(mv);
            net += mv;
            rows.add(new JsonObject().put("symbol", p.instrument().value()).put("qty", p.quantity().toString())
                    .put("market_value", mv).put("unrealized_pl", p.unrealizedPnl().toDouble()));
        }
        double equity = a.equity().toDouble();
        KillSwitch ks = node.killSwitch();
        JsonObject out = new JsonObject().put("equity", equity).put("cash", a.cash().toDouble())
                .put("buying_power", a.buyingPower().toDouble()).put("day_pnl", a.dayPnl().toDouble())
                .put("realized_pnl", a.realizedPnl().toDouble()).put("unrealized_pnl", a.unrealizedPnl().toDouble())
                .put("gross_exposure", gross).put("net_exposure", net)
                .put("leverage", equity == 0 ? null : gross / equity).put("positions", rows)
                .put("kill_switch", killSwitchJson(ks));
        Optional<Map<String, Object>> report = services.riskReport();
        out.put("report", report.map(JsonObject::new).orElse(null));
        if (report.isEmpty()) {
            out.put("report_status", "the risk report service is not running");
        }
        return out;
    }

    private static JsonObject killSwitchJson(KillSwitch ks) {
        boolean on = ks.isEngaged();
        return new JsonObject().put("engaged", on).put("reason", on ? ks.reason() : null);
    }

    private void killSwitch(RoutingContext c) {
        JsonObject body = body(c);
        if (!(body.getValue("engaged") instanceof Boolean engaged)) {
            throw ApiError.invalidField("engaged", "must be true or false");
        }
        KillSwitch ks = node.killSwitch();
        if (engaged) {
            String reason = body.getValue("reason") instanceof String r && !r.isBlank() ? r
                    : "engaged from the console by " + c.get(KEY_ID);
            ks.engage(reason);
            audit(c.get(KEY_ID), "kill-switch.on", "", reason);
        } else {
            ks.release();
            audit(c.get(KEY_ID), "kill-switch.off", "", "");
        }
        reply(c, killSwitchJson(ks));
    }

    // ------------------------------------------------------------------ system

    private JsonArray bundles() {
        JsonArray out = new JsonArray();
        for (BundleInventory.BundleRow b : services.bundles().bundles()) {
            out.add(new JsonObject().put("id", b.id()).put("symbolic_name", b.symbolicName()).put("version", b.version())
                    .put("state", b.state()));
        }
        return out;
    }

    private JsonObject thisNode() {
        return new JsonObject().put("id", services.nodeId()).put("self", true).put("state", "UP")
                .put("uptime_seconds", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedNanos))
                .put("strategies", node.strategies().size()).put("java", System.getProperty("java.version"))
                .put("processors", Runtime.getRuntime().availableProcessors());
    }

    private JsonObject health() {
        JsonObject checks = new JsonObject();
        long failed = node.strategies().stream().filter(s -> "FAILED".equals(s.state())).count();
        checks.put("kernel", "UP");
        checks.put("strategies", failed == 0 ? "UP" : "DEGRADED: " + failed + " failed");
        checks.put("kill_switch", node.killSwitch().isEngaged() ? "ENGAGED" : "RELEASED");
        checks.put("datasets", services.datasets().isEmpty() ? "NONE" : "UP");
        checks.put("audit_log", services.audit().isPresent() ? "UP" : "ABSENT");
        boolean bundlesOk = services.bundles().bundles().stream()
                .noneMatch(b -> b.symbolicName().startsWith("io.amcp") && !"ACTIVE".equals(b.state()));
        checks.put("bundles", bundlesOk ? "UP" : "DEGRADED");
        String status = failed == 0 && bundlesOk ? "UP" : "DEGRADED";
        return new JsonObject().put("status", status).put("checks", checks);
    }

    private JsonObject metrics() {
        Runtime rt = Runtime.getRuntime();
        return new JsonObject().put("api_requests", requests.get())
                .put("heap_used_bytes", rt.totalMemory() - rt.freeMemory()).put("heap_max_bytes", rt.maxMemory())
                .put("threads", ManagementFactory.getThreadMXBean().getThreadCount())
                .put("system_load", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
                .put("backtests", backtests.jobs().size());
    }

    private void audit(RoutingContext c) {
        AuditLog log = services.audit().orElseThrow(() -> unavailable("audit log"));
        int limit = intParam(c, "limit", 200, MAX_AUDIT);
        JsonArray out = new JsonArray();
        for (AuditLog.Entry e : log.recent(limit)) {
            out.add(new JsonObject().put("sequence", e.sequence()).put("time", e.time().toString()).put("actor", e.actor())
                    .put("action", e.action()).put("subject", e.subject()).put("detail", e.detail()).put("hash", e.hash()));
        }
        reply(c, new JsonObject().put("entries", out).put("first_broken", log.verify()));
    }

    /** What needs a person's eye: the kill switch, failed strategies, rejected orders. */
    private JsonArray alerts() {
        JsonArray out = new JsonArray();
        KillSwitch ks = node.killSwitch();
        if (ks.isEngaged()) {
            out.add(alert("critical", "kill-switch", "kill switch engaged: " + ks.reason()));
        }
        for (TradingNode.StrategyInfo s : node.strategies()) {
            if ("FAILED".equals(s.state())) {
                out.add(alert("critical", "strategy", s.id().value() + " failed: " + s.reason()));
            }
        }
        int rejected = 0;
        for (OrderView o : node.orders()) {
            if (o.status() == OrderStatus.REJECTED && rejected++ < 50) {
                out.add(alert("warning", "order", o.clientOrderId().value() + " rejected: " + o.reason())
                        .put("time", AlpacaJson.time(o.updatedTime())));
            }
        }
        return out;
    }

    private static JsonObject alert(String severity, String source, String message) {
        return new JsonObject().put("severity", severity).put("source", source).put("message", message);
    }

    private void audit(String actor, String action, String subject, String detail) {
        services.audit().ifPresent(log -> log.append(actor, action, subject, detail));
    }

    // ------------------------------------------------------------------ helpers

    private static Handler<RoutingContext> role(Role needed) {
        return c -> {
            Role role = c.get(ROLE);
            if (role == null || role.ordinal() < needed.ordinal()) {
                throw ApiError.forbidden("forbidden: this endpoint needs the role " + lower(needed) + ", the key has "
                        + lower(role));
            }
            c.next();
        };
    }

    private static ApiError unavailable(String what) {
        return new ApiError(503, 50310000, what + " is not available on this node");
    }

    private static String lower(Role role) {
        return role == null ? "none" : role.name().toLowerCase(Locale.ROOT);
    }

    static JsonObject body(RoutingContext ctx) {
        if (ctx.body() == null || ctx.body().length() == 0) {
            throw new ApiError(400, 40010001, "request body is empty; expected a JSON object");
        }
        return ctx.body().asJsonObject();
    }

    private static String requiredText(JsonObject body, String field) {
        if (!(body.getValue(field) instanceof String s) || s.isBlank()) {
            throw ApiError.invalidField(field, "is required (a non-empty string)");
        }
        return s.trim();
    }

    static double number(JsonObject body, String field, double fallback) {
        Object v = body.getValue(field);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(v.toString());
        } catch (NumberFormatException e) {
            throw ApiError.invalidField(field, "must be a number, got '" + v + "'");
        }
    }

    private static int intParam(RoutingContext c, String name, int fallback, int max) {
        String v = c.queryParams().get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < 1 || n > max) {
                throw ApiError.invalidField(name, "must be between 1 and " + max + ", got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiError.invalidField(name, "must be an integer, got '" + v + "'");
        }
    }

    private static void reply(RoutingContext c, Object body) {
        String text = body instanceof JsonObject o ? o.encode() : ((JsonArray) body).encode();
        c.response().putHeader("content-type", JSON).end(text);
    }

    @Override
    public void close() {
        backtests.close();
    }
}
