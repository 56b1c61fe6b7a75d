/**
 * Streaming technical indicators for the hot path: each update is O(1) (amortised for the stochastic
 * oscillator's monotonic queues), works on primitive doubles and allocates nothing. Price indicators
 * implement {@link io.amcp.analytics.indicators.PriceIndicator}, bar indicators
 * {@link io.amcp.analytics.indicators.BarIndicator}; {@link io.amcp.analytics.indicators.IndicatorSeries}
 * runs the same classes over whole columns. Values are checked against ta4j 0.17; where this package
 * follows the textbook instead of ta4j (seeding of exponential averages, no partial windows before
 * the warm-up), the class documentation says so.
 */
package io.amcp.analytics.indicators;
