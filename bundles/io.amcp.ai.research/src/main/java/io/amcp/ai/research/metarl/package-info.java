/**
 * Meta-reinforcement learning: Reptile ({@link io.amcp.ai.research.metarl.Reptile}) over a linear
 * trading policy on tasks that are market regimes ({@link io.amcp.ai.research.metarl.Regime}), with
 * the adaptation curve on unseen regimes measured against training from scratch.
 */
package io.amcp.ai.research.metarl;
