/**
 * Neural architecture search: {@link io.amcp.ai.research.nas.ArchitectureSearch}, an evolutionary
 * search over MLP architectures, optionally preceded by an LSTM over a window of feature rows, under
 * a budget of training epochs, with the pure-Java {@link io.amcp.ai.research.nas.MlpTrainer} and
 * {@link io.amcp.ai.research.nas.SequenceTrainer}; {@link io.amcp.ai.research.nas.ArchitectureStudy}
 * judges the result by purged walk-forward validation on real BTC bars.
 */
package io.amcp.ai.research.nas;
