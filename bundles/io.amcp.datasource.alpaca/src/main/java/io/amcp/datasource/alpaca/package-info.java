/**
 * Alpaca clients shared by the Alpaca market-data source and the Alpaca broker connector: keys from
 * the credential store, REST calls with 429 handling, a WebSocket that reconnects with backoff, and
 * the market data v2 REST endpoints (bars, quotes, trades, snapshots, crypto bars).
 */
package io.amcp.datasource.alpaca;
