/**
 * Model inference for strategies: the {@link io.amcp.ai.inference.Predictor} service (one per loaded
 * model version), {@link io.amcp.ai.inference.Prediction}, and {@link io.amcp.ai.inference.ModelLoader}
 * that loads registered models (trees and linear models natively, networks through DJL on CUDA when
 * a GPU is present, else the CPU). This bundle also embeds DJL and exports {@code ai.djl.*}.
 */
package io.amcp.ai.inference;
