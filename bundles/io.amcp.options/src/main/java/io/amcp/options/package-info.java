/**
 * Options (pricing, Greeks, implied volatility, multi-leg strategy catalog).
 */
package io.amcp.options;
