/**
 * Risk analytics (VaR/CVaR, stress, correlation, concentration, margin).
 */
package io.amcp.risk;
