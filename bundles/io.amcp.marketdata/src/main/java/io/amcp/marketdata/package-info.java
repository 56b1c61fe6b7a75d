/**
 * The in-process market data hub: {@link io.amcp.marketdata.MarketDataFanout} implements
 * {@link io.amcp.api.spi.MarketDataHub} with one queue and one delivery thread per subscriber.
 */
package io.amcp.marketdata;
