/**
 * Trade surveillance of the platform's own activity: post-trade pattern detection over the OMS's
 * orders ({@link io.amcp.surveillance.TradeSurveillance}: wash trades, spoofing/layering,
 * order-to-trade ratio, restricted-list fills), the daily {@link io.amcp.surveillance.SurveillanceReport},
 * the end-of-day {@link io.amcp.surveillance.RegulatoryTradeReport} per account and
 * {@link io.amcp.surveillance.RecordRetention}. The pre-trade side (restricted list and trading
 * halts) is a {@link io.amcp.api.spi.RiskRule} component of this bundle, PID
 * {@code io.amcp.surveillance.restricted}.
 */
package io.amcp.surveillance;
