package io.amcp.ai.models.internal;

import io.amcp.ai.models.Classifier;
import io.amcp.ai.models.WeightedEnsemble;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Binary form of the models implemented in plain Java: a kind name, then the model's fields. */
public final class NativeCodec {

    private NativeCodec() {
    }

    /** Whether {@code model} (and every member, for an ensemble) is written by this codec. */
    public static boolean supports(Classifier model) {
        if (model instanceof WeightedEnsemble e) {
            return e.members().stream().allMatch(NativeCodec::supports);
        }
        return model instanceof RandomForestModel || model instanceof BoostedTreesModel || model instanceof LinearModel;
    }

    public static void write(Classifier model, DataOutputStream out) throws IOException {
        out.writeUTF(model.kind());
        if (model instanceof RandomForestModel m) {
            m.write(out);
        } else if (model instanceof BoostedTreesModel m) {
            m.write(out);
        } else if (model instanceof LinearModel m) {
            m.write(out);
        } else if (model instanceof WeightedEnsemble e) {
            out.writeInt(e.members().size());
            Models.writeArray(out, e.weights());
            Models.writeArray(out, e.memberLogLoss());
            for (Classifier member : e.members()) {
                write(member, out);
            }
        } else {
            throw new IllegalArgumentException("model: kind '" + model.kind() + "' is not a plain-Java model");
        }
    }

    public static Classifier read(DataInputStream in) throws IOException {
        String kind = in.readUTF();
        switch (kind) {
            case RandomForestModel.KIND:
                return RandomForestModel.read(in);
            case BoostedTreesModel.KIND:
                return BoostedTreesModel.read(in);
            case LinearModel.KIND:
                return LinearModel.read(in);
            case WeightedEnsemble.KIND:
                int n = Models.checkCount(in.readInt(), "members");
                double[] weights = Models.readArray(in);
                double[] loss = Models.readArray(in);
                List<Classifier> members = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    members.add(read(in));
                }
                return new WeightedEnsemble(members, weights, loss);
            default:
                throw new IOException("model: unknown kind '" + kind + "'");
        }
    }
}
