package io.amcp.ai.models.neural;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.ndarray.types.Shape;

/** Builds the DJL blocks of the supported architectures. */
final class Networks {

    private Networks() {
    }

    static Block block(String kind, NetworkShape shape) {
        SequentialBlock block = new SequentialBlock();
        if (kind.equals(NeuralNetClassifier.MLP)) {
            for (int h : shape.hidden()) {
                block.add(Linear.builder().setUnits(h).build()).add(Activation::relu);
            }
        } else if (kind.equals(NeuralNetClassifier.LSTM)) {
            block.add(LSTM.builder().setStateSize(shape.hidden()[0]).setNumLayers(1).optBatchFirst(true)
                    .optReturnState(false).build());
            // the classifier reads the state after the last time step
            block.add(new LambdaBlock(list -> new NDList(list.head().get(":, -1, :"))));
        } else {
            throw new IllegalArgumentException("kind: expected mlp or lstm, got '" + kind + "'");
        }
        block.add(Linear.builder().setUnits(shape.classes()).build());
        return block;
    }

    static Shape inputShape(NetworkShape shape, int batch) {
        return shape.sequenceLength() == 1 ? new Shape(batch, shape.inputs())
                : new Shape(batch, shape.sequenceLength(), shape.inputs() / shape.sequenceLength());
    }
}
