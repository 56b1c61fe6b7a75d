/**
 * Neural-network classifiers trained and run with DJL (PyTorch engine): {@link
 * io.amcp.ai.models.neural.NeuralNetTrainer} (MLP, LSTM), {@link
 * io.amcp.ai.models.neural.NeuralNetClassifier}, and {@link io.amcp.ai.models.neural.NeuralNetCodec}
 * for registry bytes. Needs the {@code ai.djl.*} packages that {@code io.amcp.ai.inference} exports.
 */
package io.amcp.ai.models.neural;
