/**
 * Alpaca trading API v2 for the platform: a REST client ({@link io.amcp.broker.alpaca.AlpacaTrading}:
 * account, positions, orders incl. bracket/OCO/OTO, replace, cancel, fill activities) and the
 * mapping of Alpaca's order statuses onto the OMS's ({@link io.amcp.broker.alpaca.AlpacaOrderStatus}).
 * The broker connector itself is the DS component in the bundle's internal package.
 */
package io.amcp.broker.alpaca;
