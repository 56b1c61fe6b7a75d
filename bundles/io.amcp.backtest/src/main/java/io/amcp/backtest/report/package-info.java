/**
 * Backtest outputs: the {@link io.amcp.backtest.report.BacktestResult} value, its JSON form
 * ({@link io.amcp.backtest.report.BacktestResultJson}, a public contract) and the self-contained
 * HTML tear sheet ({@link io.amcp.backtest.report.TearSheet}).
 */
@Export
@Version("0.1.0")
package io.amcp.backtest.report;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
