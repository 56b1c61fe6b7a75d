/**
 * The feature pipeline of the AI/ML layer: {@link io.amcp.ai.features.FeatureEngine} computes the
 * {@link io.amcp.ai.features.FeatureRegistry#standard() 134 standard features} of an instrument bar by
 * bar (streaming) or over a whole {@link io.amcp.api.model.BarSeries} (batch, the same code path) with
 * no look-ahead; {@link io.amcp.ai.features.CrossSectionalRanks} ranks a feature across a universe;
 * {@link io.amcp.ai.features.ForwardReturns} and {@link io.amcp.ai.features.TripleBarrier} make labels.
 * Every feature is listed with its formula and lookback in {@code docs/features.md}.
 */
package io.amcp.ai.features;
