package io.amcp.cluster;

import io.amcp.api.model.ClientOrderId;
import io.amcp.api.order.ReplaceOrder;
import io.amcp.api.order.SubmitOrder;
import io.amcp.api.spi.BrokerConnector;
import io.amcp.api.spi.BrokerListener;
import io.amcp.api.spi.PluginStatus;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A venue for fence tests that only records the client order ids that reached it and those it was
 * asked about; it knows an order once it got it. {@link #onResend} runs while it is being asked, so a
 * test can interleave another thread at that point.
 */
public final class RecordingVenue implements BrokerConnector {
    /** Client order ids submitted, in order of arrival. */
    public final List<String> received = new CopyOnWriteArrayList<>();
    /** Client order ids asked about by {@link #resend}. */
    public final List<String> asked = new CopyOnWriteArrayList<>();
    /** Runs inside {@link #resend}, after the ids are recorded and before the answer; nothing by default. */
    public volatile Runnable onResend = () -> { };
    private final String id;
    private final PluginStatus status;

    /** An online venue named {@code recording}. */
    public RecordingVenue() {
        this("recording", PluginStatus.ONLINE);
    }

    public RecordingVenue(String id, PluginStatus status) {
        this.id = id;
        this.status = status;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public PluginStatus status() {
        return status;
    }

    @Override
    public void connect(BrokerListener listener) {
    }

    @Override
    public void disconnect() {
    }

    @Override
    public void submit(SubmitOrder order) {
        received.add(order.clientOrderId().value());
    }

    @Override
    public void cancel(ClientOrderId clientOrderId) {
    }

    @Override
    public void replace(ReplaceOrder replace) {
    }

    @Override
    public Set<ClientOrderId> resend(Collection<ClientOrderId> ids) {
        ids.forEach(i -> asked.add(i.value()));
        onResend.run();
        return ids.stream().filter(i -> !received.contains(i.value())).collect(Collectors.toSet());
    }
}
