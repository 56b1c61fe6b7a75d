/**
 * {@link io.amcp.strategy.ml.MlStrategy}: streaming features, a {@code Predictor} from
 * {@code io.amcp.ai.inference}, a confidence-sized {@link io.amcp.strategy.ml.SignalPolicy}, orders
 * through the strategy context and its risk chain.
 */
package io.amcp.strategy.ml;
