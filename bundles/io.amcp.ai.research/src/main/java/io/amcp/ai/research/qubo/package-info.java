/**
 * Portfolio selection as a QUBO (choose K of N assets) and its solvers: simulated quantum annealing
 * (path-integral Monte Carlo over Trotter replicas), classical simulated annealing, a greedy
 * baseline and exhaustive search for small N; {@link io.amcp.ai.research.qubo.PortfolioSelectionStudy}
 * evaluates the selections out of sample against equal weight.
 */
package io.amcp.ai.research.qubo;
