/**
 * Model training for the AI layer: {@link io.amcp.ai.models.TrainingSet} (samples with label windows,
 * built from {@code io.amcp.ai.features}), trainers ({@link io.amcp.ai.models.RandomForestTrainer},
 * {@link io.amcp.ai.models.GradientBoostingTrainer}, {@link io.amcp.ai.models.LogisticRegressionTrainer},
 * {@link io.amcp.ai.models.StackingTrainer}; neural networks in {@code io.amcp.ai.models.neural}), the
 * {@link io.amcp.ai.models.Classifier} they produce, out-of-sample scoring and the
 * {@link io.amcp.ai.models.ModelCodec} that turns models into registry bytes.
 */
package io.amcp.ai.models;
