/**
 * Multi-leg option execution for strategies: {@link io.amcp.options.executor.ContractSelector} picks
 * series from an {@link io.amcp.options.chain.OptionChain} by delta, days to expiry and wing width;
 * {@link io.amcp.options.executor.OptionsExecutor} submits a structure's legs together, manages the
 * position by {@link io.amcp.options.executor.ExitRules} and settles it at expiry, in cash or by
 * exercise and assignment into the underlying ({@link io.amcp.options.executor.ExpirySettlement}).
 */
package io.amcp.options.executor;
