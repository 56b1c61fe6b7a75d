package io.amcp.ops;

/**
 * Gives the after-hours reconciliation a broker's view of the account. Register one per broker
 * connector as an OSGi service; {@link #brokerId()} matches {@code BrokerConnector.id()}.
 */
public interface BrokerStatementSource {

    /** The broker connector's id. */
    String brokerId();

    /** The broker's current statement; may block on I/O (called from the ops scheduler thread). */
    BrokerStatement statement();
}
