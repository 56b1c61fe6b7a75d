package io.amcp.ai.models.internal;

import io.amcp.ai.models.Classifier;
import io.amcp.ai.models.WeightedEnsemble;
import io.amcp.ai.models.XGBoostModel;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Binary form of the models implemented in plain Java, and of XGBoost models: a kind name, then the
 * model's fields (for XGBoost, its feature and class counts, importances and XGBoost's own UBJSON
 * model bytes).
 */
public final class NativeCodec {

    private NativeCodec() {
    }

    /** Whether {@code model} (and every member, for an ensemble) is written by this codec. */
    public static boolean supports(Classifier model) {
        if (model instanceof WeightedEnsemble e) {
            return e.members().stream().allMatch(NativeCodec::supports);
        }
        return model instanceof RandomForestModel || model instanceof BoostedTreesModel || model instanceof LinearModel
                || model instanceof SvmModel || model instanceof XGBoostModel;
    }

    public static void write(Classifier model, DataOutputStream out) throws IOException {
        out.writeUTF(model.kind());
        if (model instanceof RandomForestModel m) {
            m.write(out);
        } else if (model instanceof BoostedTreesModel m) {
            m.write(out);
        } else if (model instanceof LinearModel m) {
            m.write(out);
        } else if (model instanceof SvmModel m) {
            m.write(out);
        } else if (model instanceof XGBoostModel m) {
            out.writeInt(m.features());
            out.writeInt(m.classes());
            Models.writeArray(out, m.featureImportance());
            byte[] bytes = m.modelBytes();
            out.writeInt(bytes.length);
            out.write(bytes);
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
            case SvmModel.KIND:
                return SvmModel.read(in);
            case XGBoostModel.KIND:
                int features = in.readInt();
                int classes = in.readInt();
                double[] importance = Models.readArray(in);
                byte[] bytes = new byte[Models.checkCount(in.readInt(), "model bytes")];
                in.readFully(bytes);
                return new XGBoostModel(bytes, features, classes, importance);
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
