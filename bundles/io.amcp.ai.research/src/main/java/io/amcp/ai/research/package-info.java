/**
 * Research algorithms of the AI layer, each a named classical algorithm evaluated out of sample
 * against a simple baseline: simulated quantum annealing on a portfolio QUBO
 * ({@code io.amcp.ai.research.qubo}), particle swarm optimisation and a consensus of simple agents
 * ({@code io.amcp.ai.research.swarm}), evolutionary neural architecture search
 * ({@code io.amcp.ai.research.nas}), Reptile meta-learning over market regimes
 * ({@code io.amcp.ai.research.metarl}) and a generative adversarial network for return paths
 * ({@code io.amcp.ai.research.gan}). {@link io.amcp.ai.research.report.ResearchReport} writes each
 * study's HTML and JSON report; {@link io.amcp.ai.research.report.ResearchReports} runs them all.
 */
package io.amcp.ai.research;
