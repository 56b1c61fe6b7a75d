/**
 * Backtest performance measurement: round-trip trades paired FIFO from fills
 * ({@link io.amcp.backtest.metrics.RoundTripTracker}), the equity curve
 * ({@link io.amcp.backtest.metrics.EquityCurve}) and the headline statistics computed from both
 * ({@link io.amcp.backtest.metrics.PerformanceMetrics}).
 */
@Export
@Version("0.1.0")
package io.amcp.backtest.metrics;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
