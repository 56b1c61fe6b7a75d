/** Replays history through the platform kernel with a simulated clock. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.amcp.backtest;
