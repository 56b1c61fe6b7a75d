/**
 * An Alpaca-compatible trading API (REST v2 and the trade_updates stream) over a platform
 * {@link io.amcp.api.spi.TradingNode}, served by Vert.x embedded in this bundle.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.amcp.web;
