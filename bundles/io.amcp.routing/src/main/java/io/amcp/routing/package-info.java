/**
 * Smart order routing across broker connectors. {@link io.amcp.routing.SmartOrderRouter} is itself a
 * {@link io.amcp.api.spi.BrokerConnector}: the kernel sends every approved order to it as to one venue,
 * and it picks the venue(s) by {@link io.amcp.routing.VenueRule}s (asset class, fees, rule order), skips
 * connectors that are not online, fails over to the next venue when one refuses the connection, splits
 * orders above a size across venues, and sends every client order id to exactly one venue. The DS
 * component (config PID {@code io.amcp.routing}) registers it with service property
 * {@code amcp.router=true}; point the kernel at it with {@code Broker.target=(amcp.router=true)} in
 * {@code etc/io.amcp.core.cfg}.
 */
package io.amcp.routing;
