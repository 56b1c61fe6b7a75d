/**
 * Trade surveillance of the platform's own activity: post-trade pattern detection over the OMS's
 * orders ({@link io.amcp.surveillance.TradeSurveillance}: wash trades, spoofing/layering,
 * order-to-trade ratio, restricted-list fills), the daily {@link io.amcp.surveillance.SurveillanceReport},
 * the end-of-day {@link io.amcp.surveillance.RegulatoryTradeReport} per account (CSV and JSON) and
 * {@link io.amcp.surveillance.RecordRetention}. {@link io.amcp.surveillance.DailySurveillance} runs them
 * on a schedule in exchange time; the bundle's DS component (PID {@code io.amcp.surveillance}) drives it
 * on its own thread over the trading node's orders, logs alerts and passes them to every
 * {@link io.amcp.surveillance.SurveillanceListener} service. The pre-trade side (restricted list and
 * trading halts) is a {@link io.amcp.api.spi.RiskRule} component of this bundle, PID
 * {@code io.amcp.surveillance.restricted}.
 */
package io.amcp.surveillance;
