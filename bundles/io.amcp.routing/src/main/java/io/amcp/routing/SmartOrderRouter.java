package io.amcp.routing;

import io.amcp.api.model.AssetClass;
import io.amcp.api.model.ClientOrderId;
import io.amcp.api.model.FixedPoint;
import io.amcp.api.model.Instrument;
import io.amcp.api.model.InstrumentId;
import io.amcp.api.model.Quantity;
import io.amcp.api.order.OrderAccepted;
import io.amcp.api.order.OrderCanceled;
import io.amcp.api.order.OrderClass;
import io.amcp.api.order.OrderEvent;
import io.amcp.api.order.OrderExpired;
import io.amcp.api.order.OrderFilled;
import io.amcp.api.order.OrderRejected;
import io.amcp.api.order.OrderReplaced;
import io.amcp.api.order.ReplaceOrder;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.BrokerConnector;
import io.amcp.api.spi.BrokerListener;
import io.amcp.api.spi.Clock;
import io.amcp.api.spi.PluginStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A broker connector that routes to other broker connectors.
 *
 * <h2>Choosing a venue</h2>
 * For an order in an instrument of asset class {@code c}, the candidates are the venues whose
 * {@link VenueRule} accepts {@code c}, cheapest {@link VenueRule#feeBps() fee} first (ties keep the
 * configured order); with no rules, every added venue in the order added. A candidate that is not
 * {@link PluginStatus.State#ONLINE online} is skipped, and one whose {@code submit} throws (a connector
 * that lost its session refuses the order by throwing: it has not taken it) is skipped too, and passed
 * over for {@link RoutingPolicy#refusalCooldown()}: that is the fail-over. When no candidate is left
 * the order is rejected, naming the venues tried.
 *
 * <h2>Splitting</h2>
 * A {@link OrderClass#SIMPLE simple} order above {@link RoutingPolicy#splitAbove()} goes to up to
 * {@link RoutingPolicy#maxVenuesPerOrder()} online venues in equal slices (whole units when the
 * quantity is whole; the remainder to the cheapest venue), each slice under its own client order id
 * {@code <id>.s<n>}. The kernel sees one order: the first slice's acceptance, every slice's fills (under
 * the order's id, with the venue's trade id), and once every slice has ended without filling the
 * whole order one rejection (nothing accepted), expiry (every unfilled slice expired) or cancellation.
 * A split order can be canceled (every live slice is) but not replaced.
 *
 * <h2>Never twice</h2>
 * Every client order id (an order's, or a slice's) is sent to exactly one venue that took it; a
 * second submission of a known id is rejected here and never sent. Orders that were working on a
 * venue when it went away stay routed to it: when a venue with the same id is added again, the router
 * asks it to {@link BrokerConnector#resend re-send} their events, so nothing is lost, and fills are
 * passed on once each (by trade id).
 *
 * <p>Thread-safe: the kernel thread submits, venues report from their own threads. The router holds
 * its lock while it calls a venue and while it passes a venue's event on, so a venue must not wait,
 * inside {@code submit}, {@code cancel} or {@code replace}, for another thread that reports to its
 * listener (the {@link BrokerConnector} contract already forbids blocking there).
 */
public final class SmartOrderRouter implements BrokerConnector {

    private final RoutingPolicy policy;
    private final Function<InstrumentId, Instrument> instruments;
    private final Clock clock;
    private final Map<InstrumentId, AssetClass> assetClasses = new HashMap<>();
    /** Venues by connector id, in the order added. */
    private final Map<String, Venue> venues = new LinkedHashMap<>();
    private final Map<String, VenueRule> rules = new HashMap<>();
    /** Every client order id ever sent or refused here (orders, slices, replacements). */
    private final Set<ClientOrderId> seen = new HashSet<>();
    /** Orders that can still fill (and linked orders, whose legs outlive the entry), by the kernel's id. */
    private final Map<ClientOrderId, Route> routes = new HashMap<>();
    /** The slices of those orders by their own client order ids. */
    private final Map<ClientOrderId, Slice> slices = new HashMap<>();
    /** Every slice id ever created: a late event for a finished slice is not the kernel's business. */
    private final Set<ClientOrderId> sliceIds = new HashSet<>();
    /** Candidate venues per asset class, rebuilt when a venue id appears. */
    private final Map<AssetClass, List<String>> candidates = new EnumMap<>(AssetClass.class);
    private BrokerListener listener;

    /**
     * @param policy      rules, splitting
     * @param instruments resolves an order's instrument (its asset class picks the venues)
     * @param clock       the kernel clock (times of the router's own rejections)
     */
    public SmartOrderRouter(RoutingPolicy policy, Function<InstrumentId, Instrument> instruments, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.instruments = Objects.requireNonNull(instruments, "instruments");
        this.clock = Objects.requireNonNull(clock, "clock");
        for (VenueRule r : policy.rules()) {
            rules.put(r.venue(), r);
        }
    }

    private static final class Venue {
        BrokerConnector connector;
        long orders;
        long failovers;
        /** Kernel time until which the venue is passed over after refusing an order. */
        long refusedUntil = Long.MIN_VALUE;

        Venue(BrokerConnector connector) {
            this.connector = connector;
        }

        boolean online() {
            return connector != null && connector.status().state() == PluginStatus.State.ONLINE;
        }

        boolean usable(long now) {
            return now >= refusedUntil && online();
        }
    }

    /** An order as the kernel sent it: one venue, or slices across several. */
    private static final class Route {
        final ClientOrderId id;
        /** The order, null for a replacement until the venue confirms it. */
        final SubmitOrder order;
        /** The venue holding the order when it was not split. */
        String venue;
        final List<Slice> slices = new ArrayList<>(0);
        /** Trade ids passed on (split orders only: a re-sent fill must count once). */
        Set<String> trades;
        boolean accepted;
        /** While its slices are being sent: how it ended is judged after the last one. */
        boolean sending;
        boolean ended;
        long filledRaw;

        Route(ClientOrderId id, SubmitOrder order) {
            this.id = id;
            this.order = order;
        }
    }

    private static final class Slice {
        final ClientOrderId id;
        final Route route;
        /** The venue that took it, null until sent (and when none did). */
        String venue;
        final long quantityRaw;
        long filledRaw;
        /** The event that ended it (rejected, canceled, expired), or null while it can fill. */
        OrderEvent end;

        Slice(ClientOrderId id, Route route, long quantityRaw) {
            this.id = id;
            this.route = route;
            this.quantityRaw = quantityRaw;
        }

        boolean done() {
            return end != null || filledRaw >= quantityRaw;
        }
    }

    // ------------------------------------------------------------------ venues

    /**
     * Adds a venue (a broker connector service appeared). If a venue with this id held orders before,
     * they are reconciled: the venue re-sends their events.
     */
    public synchronized void addVenue(BrokerConnector connector) {
        Objects.requireNonNull(connector, "connector");
        if (connector == this || connector.id().equals(policy.routerId())) {
            throw new IllegalArgumentException("connector: the router " + policy.routerId() + " cannot route to itself");
        }
        String id = connector.id();
        Venue v = venues.computeIfAbsent(id, k -> {
            candidates.clear();
            return new Venue(null);
        });
        v.connector = connector;
        if (listener != null) {
            connectVenue(id, connector);
        }
    }

    /** Removes a venue (its service went away); orders working there stay routed to it. */
    public synchronized void removeVenue(BrokerConnector connector) {
        Venue v = venues.get(connector.id());
        if (v != null && v.connector == connector) {
            v.connector = null;
            connector.disconnect();
        }
    }

    private void connectVenue(String id, BrokerConnector connector) {
        connector.connect(event -> onVenueEvent(id, event));
        List<ClientOrderId> held = new ArrayList<>();
        routes.forEach((cid, r) -> {
            if (!r.ended && id.equals(r.venue)) {
                held.add(cid);
            }
        });
        slices.forEach((cid, s) -> {
            if (!s.done() && id.equals(s.venue)) {
                held.add(cid);
            }
        });
        if (!held.isEmpty()) {
            connector.resend(held);
        }
    }

    /** Per venue: orders sent, fail-overs away from it, and whether it is online, in the order added. */
    public synchronized List<VenueStatistics> statistics() {
        List<VenueStatistics> out = new ArrayList<>();
        venues.forEach((id, v) -> out.add(new VenueStatistics(id, v.orders, v.failovers, v.online())));
        return out;
    }

    /** The venue ids holding a working order: one, or one per slice; empty when none (finished or never sent). */
    public synchronized List<String> venuesOf(ClientOrderId clientOrderId) {
        Route r = routes.get(clientOrderId);
        if (r == null) {
            return List.of();
        }
        if (r.slices.isEmpty()) {
            return r.venue == null ? List.of() : List.of(r.venue);
        }
        return r.slices.stream().map(s -> s.venue).toList();
    }

    // ------------------------------------------------------------------ BrokerConnector

    @Override
    public String id() {
        return policy.routerId();
    }

    @Override
    public synchronized void connect(BrokerListener l) {
        this.listener = Objects.requireNonNull(l, "listener");
        venues.forEach((id, v) -> {
            if (v.connector != null) {
                connectVenue(id, v.connector);
            }
        });
    }

    @Override
    public synchronized void disconnect() {
        venues.values().forEach(v -> {
            if (v.connector != null) {
                v.connector.disconnect();
            }
        });
        listener = null;
    }

    /** Online while it has a listener and at least one venue is online. */
    @Override
    public synchronized PluginStatus status() {
        if (listener == null) {
            return PluginStatus.offline("not connected");
        }
        for (Venue v : venues.values()) {
            if (v.online()) {
                return PluginStatus.ONLINE;
            }
        }
        return PluginStatus.offline("no venue online (" + venues.keySet() + ")");
    }

    @Override
    public synchronized void submit(SubmitOrder order) {
        ClientOrderId id = order.clientOrderId();
        if (id == null) {
            throw new IllegalArgumentException("clientOrderId: required by the smart order router");
        }
        if (!seen.add(id)) {
            emit(new OrderRejected(id, "duplicate client order id", clock.nanos()));
            return;
        }
        Route route = new Route(id, order);
        routes.put(id, route);
        List<String> candidates = candidatesFor(order.instrument());
        Quantity splitAbove = policy.splitAbove();
        if (splitAbove != null && order.orderClass() == OrderClass.SIMPLE && order.quantity().compareTo(splitAbove) > 0) {
            long now = clock.nanos();
            List<String> online = candidates.stream().filter(v -> venues.get(v).usable(now))
                    .limit(policy.maxVenuesPerOrder()).toList();
            if (online.size() > 1) {
                split(route, online, candidates);
                return;
            }
        }
        route.venue = send(order, candidates);
        if (route.venue == null) {
            end(route);
            emit(new OrderRejected(id, noVenue(order.instrument(), candidates), clock.nanos()));
        }
    }

    private void split(Route route, List<String> online, List<String> candidates) {
        SubmitOrder order = route.order;
        int n = online.size();
        long total = order.quantity().raw();
        long unit = order.quantity().isWhole() ? FixedPoint.ONE : 1;
        long each = total / unit / n * unit;
        for (int i = 0; i < n; i++) {
            long q = i == 0 ? total - each * (n - 1) : each;
            if (q <= 0) {
                continue;
            }
            ClientOrderId sliceId = ClientOrderId.of(order.clientOrderId().value() + ".s" + (i + 1));
            seen.add(sliceId);
            sliceIds.add(sliceId);
            Slice s = new Slice(sliceId, route, q);
            route.slices.add(s);
            slices.put(sliceId, s); // before sending: a venue may answer while submit runs
        }
        route.trades = new HashSet<>();
        route.sending = true;
        for (int i = 0; i < route.slices.size(); i++) {
            Slice s = route.slices.get(i);
            SubmitOrder child = order.toBuilder().clientOrderId(s.id).quantity(Quantity.ofRaw(s.quantityRaw)).build();
            // each slice starts at its own venue and fails over along the whole candidate list
            s.venue = send(child, rotate(candidates, online.get(i)));
            if (s.venue == null) {
                s.end = new OrderRejected(s.id, noVenue(order.instrument(), candidates), clock.nanos());
            }
        }
        route.sending = false;
        settle(route);
    }

    private static List<String> rotate(List<String> candidates, String first) {
        List<String> out = new ArrayList<>(candidates.size());
        out.add(first);
        for (String c : candidates) {
            if (!c.equals(first)) {
                out.add(c);
            }
        }
        return out;
    }

    /** Sends to the first candidate that is online and takes it; returns its id, or null. */
    private String send(SubmitOrder order, List<String> candidates) {
        long now = clock.nanos();
        for (int i = 0; i < candidates.size(); i++) {
            Venue v = venues.get(candidates.get(i));
            if (!v.usable(now)) {
                v.failovers++;
                continue;
            }
            try {
                v.connector.submit(order);
                v.orders++;
                return candidates.get(i);
            } catch (RuntimeException refused) {
                v.failovers++;
                v.refusedUntil = now + policy.refusalCooldown().toNanos();
            }
        }
        return null;
    }

    private String noVenue(InstrumentId instrument, List<String> candidates) {
        return candidates.isEmpty()
                ? "no venue takes " + assetClass(instrument) + " (" + instrument + ")"
                : "no venue online for " + instrument + ", tried " + candidates;
    }

    /** The venues that may receive this instrument, in preference order. */
    private List<String> candidatesFor(InstrumentId instrument) {
        return candidates.computeIfAbsent(assetClass(instrument), this::rank);
    }

    private List<String> rank(AssetClass assetClass) {
        if (rules.isEmpty()) {
            return List.copyOf(venues.keySet());
        }
        List<VenueRule> eligible = new ArrayList<>();
        for (VenueRule r : policy.rules()) {
            if (r.accepts(assetClass) && venues.containsKey(r.venue())) {
                eligible.add(r);
            }
        }
        eligible.sort(Comparator.comparingDouble(VenueRule::feeBps)); // stable: ties keep the configured order
        return eligible.stream().map(VenueRule::venue).toList();
    }

    private AssetClass assetClass(InstrumentId instrument) {
        return assetClasses.computeIfAbsent(instrument, i -> {
            Instrument resolved = instruments.apply(i);
            return resolved == null ? Instrument.infer(i).assetClass() : resolved.assetClass();
        });
    }

    @Override
    public synchronized void cancel(ClientOrderId clientOrderId) {
        Route r = routes.get(clientOrderId);
        if (r != null && !r.slices.isEmpty()) {
            for (Slice s : r.slices) {
                BrokerConnector c = connectorOf(s.venue);
                if (!s.done() && c != null) {
                    c.cancel(s.id);
                }
            }
            return;
        }
        BrokerConnector c = connectorOf(venueHolding(clientOrderId));
        if (c == null) {
            emit(new OrderRejected(clientOrderId, "cancel: no connected venue holds " + clientOrderId, clock.nanos()));
            return;
        }
        c.cancel(clientOrderId);
    }

    @Override
    public synchronized void replace(ReplaceOrder replace) {
        Route r = routes.get(replace.clientOrderId());
        if (r != null && !r.slices.isEmpty()) {
            emit(new OrderRejected(replace.newClientOrderId(), "replace: " + replace.clientOrderId()
                    + " is split across venues " + venuesOf(replace.clientOrderId()) + "; cancel it and submit anew", clock.nanos()));
            return;
        }
        String venue = venueHolding(replace.clientOrderId());
        BrokerConnector c = connectorOf(venue);
        if (c == null || !seen.add(replace.newClientOrderId())) {
            emit(new OrderRejected(replace.newClientOrderId(), c == null
                    ? "replace: no connected venue holds " + replace.clientOrderId() : "duplicate client order id", clock.nanos()));
            return;
        }
        Route placeholder = new Route(replace.newClientOrderId(), null); // holds the id until the venue's OrderReplaced brings the order
        placeholder.venue = venue;
        routes.put(replace.newClientOrderId(), placeholder);
        c.replace(replace);
    }

    /** The venue of an order, or of its linked legs ({@code <id>-tp}, {@code <id>-sl}) through their entry. */
    private String venueHolding(ClientOrderId id) {
        Route r = routes.get(id);
        if (r == null) {
            int dash = id.value().lastIndexOf('-');
            if (dash > 0) {
                r = routes.get(ClientOrderId.of(id.value().substring(0, dash)));
            }
        }
        return r == null ? null : r.venue;
    }

    private BrokerConnector connectorOf(String venue) {
        Venue v = venue == null ? null : venues.get(venue);
        return v == null ? null : v.connector;
    }

    /**
     * Reconciliation: orders routed before are re-sent by the venue that holds them. Orders this router
     * does not know (it restarted) are asked of every connected venue in turn; the first that knows an
     * order re-sends its events and holds it from now on. Returns the ids no venue knows. Orders that
     * were split before a restart are not recovered (their slices' ids are the venues' business).
     */
    @Override
    public synchronized Set<ClientOrderId> resend(Collection<ClientOrderId> clientOrderIds) {
        Set<ClientOrderId> unknown = new LinkedHashSet<>();
        Map<String, List<ClientOrderId>> byVenue = new LinkedHashMap<>();
        for (ClientOrderId id : clientOrderIds) {
            Route r = routes.get(id);
            if (r == null) {
                unknown.add(id);
            } else if (r.slices.isEmpty()) {
                byVenue.computeIfAbsent(r.venue, k -> new ArrayList<>()).add(id);
            } else {
                r.slices.forEach(s -> byVenue.computeIfAbsent(s.venue, k -> new ArrayList<>()).add(s.id));
            }
        }
        byVenue.forEach((venue, ids) -> {
            BrokerConnector c = connectorOf(venue);
            if (c != null) {
                c.resend(ids);
            }
        });
        for (Map.Entry<String, Venue> v : venues.entrySet()) {
            if (unknown.isEmpty()) {
                break;
            }
            BrokerConnector c = v.getValue().connector;
            if (c == null) {
                continue;
            }
            Set<ClientOrderId> unknownHere = c.resend(List.copyOf(unknown));
            for (ClientOrderId id : unknown) {
                if (!unknownHere.contains(id)) {
                    Route adopted = new Route(id, null);
                    adopted.venue = v.getKey();
                    routes.put(id, adopted);
                    seen.add(id);
                }
            }
            unknown.retainAll(unknownHere);
        }
        return unknown;
    }

    // ------------------------------------------------------------------ venue events

    private synchronized void onVenueEvent(String venue, OrderEvent event) {
        Slice s = slices.get(event.clientOrderId());
        if (s == null && sliceIds.contains(event.clientOrderId())) {
            return;
        }
        if (s == null) {
            if (event instanceof OrderReplaced rep) {
                Route old = routes.get(rep.clientOrderId());
                Route replacement = new Route(rep.replacement(), rep.replacementOrder());
                replacement.venue = venue;
                routes.put(rep.replacement(), replacement);
                if (old != null) {
                    end(old);
                }
            } else if (event instanceof OrderRejected || event instanceof OrderCanceled || event instanceof OrderExpired) {
                Route r = routes.get(event.clientOrderId());
                if (r != null) {
                    end(r);
                }
            } else if (event instanceof OrderFilled f) {
                Route r = routes.get(f.clientOrderId());
                if (r != null && r.order != null) {
                    r.filledRaw += f.quantity().raw();
                    if (r.filledRaw >= r.order.quantity().raw()) {
                        end(r);
                    }
                }
            }
            emit(event);
            return;
        }
        Route r = s.route;
        if (event instanceof OrderAccepted a) {
            if (!r.accepted) {
                r.accepted = true;
                emit(new OrderAccepted(r.order.clientOrderId(), a.orderId(), a.time()));
            }
        } else if (event instanceof OrderFilled f) {
            if (r.trades.add(f.tradeId())) {
                s.filledRaw += f.quantity().raw();
                r.filledRaw += f.quantity().raw();
                emit(new OrderFilled(r.order.clientOrderId(), f.tradeId(), f.instrument(), f.side(), f.quantity(), f.price(),
                        f.commission(), f.time()));
            }
        } else if (event instanceof OrderRejected || event instanceof OrderCanceled || event instanceof OrderExpired) {
            if (s.end == null) {
                s.end = event;
            }
        }
        settle(r);
    }

    /** Tells the kernel how a split order ended once every slice has. */
    private void settle(Route r) {
        if (r.ended || r.sending) {
            return;
        }
        long time = 0;
        boolean allExpired = true;
        StringBuilder why = new StringBuilder();
        for (Slice s : r.slices) {
            if (!s.done()) {
                return;
            }
            if (s.end != null) {
                time = Math.max(time, s.end.time());
                allExpired &= s.end instanceof OrderExpired;
                why.append(why.isEmpty() ? "" : "; ").append(s.id).append(" at ").append(s.venue == null ? "no venue" : s.venue)
                        .append(": ").append(reason(s.end));
            }
        }
        end(r);
        ClientOrderId id = r.id;
        if (r.filledRaw >= r.order.quantity().raw()) {
            return;
        }
        if (!r.accepted && r.filledRaw == 0) {
            emit(new OrderRejected(id, why.toString(), time));
        } else if (allExpired) {
            emit(new OrderExpired(id, time));
        } else {
            emit(new OrderCanceled(id, why.toString(), time));
        }
    }

    /** Forgets a finished order (its id stays known); linked orders stay: their legs outlive the entry. */
    private void end(Route r) {
        r.ended = true;
        if (r.order == null || r.order.orderClass() == OrderClass.SIMPLE) {
            routes.remove(r.id);
            r.slices.forEach(s -> slices.remove(s.id));
        }
    }

    private static String reason(OrderEvent end) {
        if (end instanceof OrderRejected rej) {
            return "rejected, " + rej.reason();
        }
        if (end instanceof OrderCanceled c) {
            return "canceled, " + c.reason();
        }
        return "expired";
    }

    private void emit(OrderEvent event) {
        BrokerListener l = listener;
        if (l != null) {
            l.onOrderEvent(event);
        }
    }
}
