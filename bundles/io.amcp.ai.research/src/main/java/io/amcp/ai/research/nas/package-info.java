/**
 * Neural architecture search: {@link io.amcp.ai.research.nas.ArchitectureSearch}, an evolutionary
 * search over MLP architectures under a budget of training epochs, with the pure-Java
 * {@link io.amcp.ai.research.nas.MlpTrainer}; {@link io.amcp.ai.research.nas.ArchitectureStudy}
 * judges the result by purged walk-forward validation on real BTC bars.
 */
package io.amcp.ai.research.nas;
