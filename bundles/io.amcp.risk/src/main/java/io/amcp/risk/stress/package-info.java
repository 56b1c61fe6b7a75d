/**
 * Stress testing: parameterised price, volatility and rate shocks ({@link io.amcp.risk.stress.StressScenario},
 * with the built-ins {@code 2008-crash}, {@code 2020-gap-down}, {@code rate-shock}, {@code vol-spike})
 * and their per-position P&amp;L ({@link io.amcp.risk.stress.StressResult}).
 */
package io.amcp.risk.stress;
