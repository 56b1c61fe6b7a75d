/**
 * Execution algorithms: how a parent order is worked into child orders over time (TWAP, VWAP,
 * POV, iceberg, implementation shortfall, passive-then-market). An algorithm is a plugin
 * ({@link io.amcp.api.execution.ExecutionAlgorithm} service, one per name); a strategy, the API or
 * the shell hands the kernel a {@link io.amcp.api.execution.ParentOrder} naming the algorithm, and
 * the kernel runs the algorithm's {@link io.amcp.api.execution.AlgoWorker} on its own thread and
 * clock, so the same algorithm behaves identically in backtest, paper and live trading. Child
 * orders are ordinary orders of the parent's owner: they pass the risk chain one by one.
 */
package io.amcp.api.execution;
