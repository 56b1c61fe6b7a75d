/**
 * Swarm intelligence: {@link io.amcp.ai.research.swarm.ParticleSwarm} (particle swarm
 * optimisation), its use to tune the SMA crossover through the real backtest engine
 * ({@link io.amcp.ai.research.swarm.SmaParameterStudy}), and a vote of 100+ simple agents as a trading
 * signal ({@link io.amcp.ai.research.swarm.AgentConsensus}).
 */
package io.amcp.ai.research.swarm;
