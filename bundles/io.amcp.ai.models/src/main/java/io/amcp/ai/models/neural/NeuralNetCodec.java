package io.amcp.ai.models.neural;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import io.amcp.ai.models.ModelCodec;
import io.amcp.ai.models.internal.Standardizer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Model bytes of a {@link NeuralNetClassifier}: {@link ModelCodec#NEURAL_MAGIC}, the kind, the
 * {@link NetworkShape}, the standardisation statistics, then the block's parameters as DJL writes
 * them ({@code Block.saveParameters}).
 */
public final class NeuralNetCodec {

    private NeuralNetCodec() {
    }

    public static byte[] write(NeuralNetClassifier model) {
        Objects.requireNonNull(model, "model");
        return write(model.kind(), model.shape(), model.standardizer(), model.block());
    }

    static byte[] write(String kind, NetworkShape s, Standardizer standardizer, Block block) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(ModelCodec.NEURAL_MAGIC.getBytes(StandardCharsets.US_ASCII));
            out.writeUTF(kind);
            out.writeInt(s.inputs());
            out.writeInt(s.hidden().length);
            for (int h : s.hidden()) {
                out.writeInt(h);
            }
            out.writeInt(s.classes());
            out.writeInt(s.sequenceLength());
            standardizer.write(out);
            DjlContext.call(() -> {
                try {
                    block.saveParameters(out);
                    return null;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Loads network bytes onto {@code device}.
     *
     * @throws IllegalArgumentException naming {@code bytes} when they are not network bytes
     */
    public static NeuralNetClassifier read(byte[] bytes, Device device) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(device, "device");
        if (!ModelCodec.magic(bytes).equals(ModelCodec.NEURAL_MAGIC)) {
            throw new IllegalArgumentException("bytes: not neural-network bytes (magic '" + ModelCodec.magic(bytes) + "')");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 8, bytes.length - 8))) {
            String kind = in.readUTF();
            int inputs = in.readInt();
            int layers = in.readInt();
            if (layers < 1 || layers > 64) {
                throw new IOException("implausible layer count " + layers);
            }
            int[] hidden = new int[layers];
            for (int i = 0; i < layers; i++) {
                hidden[i] = in.readInt();
            }
            NetworkShape shape = new NetworkShape(inputs, hidden, in.readInt(), in.readInt());
            Standardizer standardizer = Standardizer.read(in);
            return DjlContext.call(() -> {
                NDManager manager = NDManager.newBaseManager(device);
                try {
                    Block block = Networks.block(kind, shape);
                    block.initialize(manager, DataType.FLOAT32, Networks.inputShape(shape, 1));
                    block.loadParameters(manager, in);
                    return new NeuralNetClassifier(kind, shape, standardizer, block, manager);
                } catch (IOException | MalformedModelException | RuntimeException e) {
                    manager.close();
                    throw new IllegalArgumentException("bytes: " + e.getMessage(), e);
                }
            });
        } catch (IOException e) {
            throw new IllegalArgumentException("bytes: " + e.getMessage(), e);
        }
    }
}
