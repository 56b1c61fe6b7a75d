package io.amcp.ai.models;

import io.amcp.ai.models.internal.NativeCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Model bytes for the registry. Plain-Java models (random forest, gradient boosting, logistic
 * regression, and weighted ensembles of them) are written here; neural networks are written by
 * {@link io.amcp.ai.models.neural.NeuralNetCodec} (DJL parameters). The bytes start with an 8-byte
 * magic that names the format: {@link #NATIVE_MAGIC} or {@link #NEURAL_MAGIC}.
 */
public final class ModelCodec {

    /** Magic of plain-Java model bytes. */
    public static final String NATIVE_MAGIC = "AMCPMDL1";
    /** Magic of neural-network model bytes (DJL parameters). */
    public static final String NEURAL_MAGIC = "AMCPNN01";

    private ModelCodec() {
    }

    /** Whether {@code model} can be written by {@link #write(Classifier)}. */
    public static boolean supports(Classifier model) {
        return NativeCodec.supports(Objects.requireNonNull(model, "model"));
    }

    /**
     * @throws IllegalArgumentException naming {@code model} when it is not a plain-Java model
     */
    public static byte[] write(Classifier model) {
        Objects.requireNonNull(model, "model");
        if (!NativeCodec.supports(model)) {
            throw new IllegalArgumentException("model: kind '" + model.kind() + "' is not a plain-Java model");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(NATIVE_MAGIC.getBytes(StandardCharsets.US_ASCII));
            NativeCodec.write(model, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The magic of model bytes, or an empty string when shorter than 8 bytes. */
    public static String magic(byte[] bytes) {
        return bytes.length < 8 ? "" : new String(Arrays.copyOf(bytes, 8), StandardCharsets.US_ASCII);
    }

    /**
     * Reads plain-Java model bytes.
     *
     * @throws IllegalArgumentException naming {@code bytes} when they are not plain-Java model bytes
     */
    public static Classifier read(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (!magic(bytes).equals(NATIVE_MAGIC)) {
            throw new IllegalArgumentException("bytes: not plain-Java model bytes (magic '" + magic(bytes) + "')");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 8, bytes.length - 8))) {
            return NativeCodec.read(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("bytes: " + e.getMessage(), e);
        }
    }
}
