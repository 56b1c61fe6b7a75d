/**
 * The trading cluster on Hazelcast (open-source edition). {@link io.amcp.cluster.ClusterNode} is one
 * member: it shares state across members ({@link io.amcp.cluster.SharedState}: orders, positions,
 * account snapshots, strategy assignments), caches the latest quotes and bars
 * ({@link io.amcp.cluster.MarketCache}), and runs every registered strategy on exactly one member
 * ({@link io.amcp.cluster.StrategyOwnership}). An owner holds a time-bounded lease and an epoch (a
 * fencing token) that grows at every takeover; {@link io.amcp.cluster.ClusterNode#fence} puts a
 * gate in front of a broker connector that refuses every order whose strategy this member no longer
 * holds at the current epoch, and never sends a client order id twice. Client order ids of fenced
 * orders name their strategy ({@link io.amcp.cluster.ClusterOrderIds}). Research work spreads over the
 * members with {@link io.amcp.cluster.ParameterSweep}. The DS component reads the PID
 * {@code io.amcp.cluster}.
 */
package io.amcp.cluster;
