/**
 * Execution algorithms' shared pieces and transaction-cost analysis. The algorithms themselves
 * (TWAP, VWAP, POV, iceberg, implementation shortfall, passive-then-market) are DS components in
 * the bundle's private package, registered as {@link io.amcp.api.execution.ExecutionAlgorithm}
 * services and selected by name in a {@link io.amcp.api.execution.ParentOrder}. This package holds
 * what callers use around them: the {@link io.amcp.execution.VolumeProfile} a VWAP parent carries,
 * the {@link io.amcp.execution.ExecutionSchedule} trajectories, and
 * {@link io.amcp.execution.TransactionCostAnalysis} with its HTML {@link io.amcp.execution.TcaReport}.
 */
package io.amcp.execution;
