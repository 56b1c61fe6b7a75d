/**
 * Alternative data beside prices: macroeconomic series known only from their release date on, and
 * news items scored for sentiment. Sources (FRED, ECB, World Bank, RSS, ...) are data-source
 * bundles that publish {@link io.amcp.api.altdata.MacroSeries} and
 * {@link io.amcp.api.altdata.NewsFeed} services; strategies and the feature pipeline read them
 * point-in-time, always passing the kernel clock's "now", so a backtest never sees a value before
 * it was published.
 */
package io.amcp.api.altdata;
