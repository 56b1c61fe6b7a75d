package io.amcp.api.spi;

/**
 * Gives the after-hours reconciliation a broker's view of the account. A broker connector registers
 * one as an OSGi service beside its {@link BrokerConnector}; {@link #brokerId()} matches
 * {@link BrokerConnector#id()}.
 */
public interface BrokerStatementSource {

    /** The broker connector's id. */
    String brokerId();

    /**
     * The broker's current statement. May block on I/O (it is called from the operations scheduler,
     * never from the kernel thread).
     *
     * @throws IllegalStateException when the broker cannot be asked (offline, refused), with the reason
     */
    BrokerStatement statement();
}
