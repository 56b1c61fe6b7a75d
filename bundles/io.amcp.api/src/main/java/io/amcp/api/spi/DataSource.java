package io.amcp.api.spi;

import io.amcp.api.model.Instrument;
import java.util.List;

/**
 * A live or replayed stream of market data, registered as an OSGi service. The kernel starts
 * every data source it finds and stops it when the service goes away.
 */
public interface DataSource {

    /** Stable id, e.g. {@code file-replay} or {@code alpaca}. */
    String id();

    /** The instruments this source publishes. */
    List<Instrument> instruments();

    /**
     * Starts publishing into {@code sink}. Must return promptly: publish from the source's own
     * thread, never from the caller's.
     */
    void start(MarketDataSink sink);

    /** Stops publishing; after return no more events reach the sink. */
    void stop();

    default PluginStatus status() {
        return PluginStatus.ONLINE;
    }
}
