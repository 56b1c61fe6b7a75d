package io.amcp.ai.models.registry;

import io.amcp.ai.models.ClassificationMetrics;
import io.amcp.ai.models.TrainingReport;
import io.amcp.ai.models.internal.Svg;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A model card (M. Mitchell et al., "Model Cards for Model Reporting", 2019) as one self-contained
 * HTML page with inline SVG: identity and training data, hyper-parameters, the learning curve, the
 * top feature importances, the held-out confusion matrix with precision and recall, and held-out
 * equity against buy-and-hold, with a plain statement of whether the signal beat buy-and-hold.
 */
public final class ModelCard {

    private static final List<String> CLASS_NAMES = List.of("down (-1)", "flat (0)", "up (+1)");
    private static final int TOP_FEATURES = 15;

    private ModelCard() {
    }

    /** The card of a registered version and the report it was trained from. */
    public static String html(ModelVersion version, TrainingReport report) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Model card: ")
                .append(Svg.escape(version.name())).append(" v").append(version.version())
                .append("</title><style>body{font-family:sans-serif;max-width:720px;margin:1em auto}"
                        + "td,th{padding:2px 8px;text-align:left}</style></head><body>\n");
        out.append("<h1>").append(Svg.escape(version.name())).append(" v").append(version.version()).append("</h1>\n");
        DataRange d = version.data();
        out.append("<table>");
        row(out, "kind", version.kind());
        row(out, "format", version.format());
        row(out, "trained at", version.trainedAt());
        row(out, "training data", d.dataset() + " " + d.instrument() + ", " + d.samples() + " samples from "
                + Instant.ofEpochSecond(0, d.firstTime()) + " to " + Instant.ofEpochSecond(0, d.lastTime()));
        row(out, "held-out samples", Integer.toString(report.test().length));
        row(out, "features", Integer.toString(version.features().size()));
        row(out, "sha256", version.sha256());
        out.append("</table>\n<h2>Parameters</h2><table>");
        for (Map.Entry<String, String> e : new TreeMap<>(version.parameters()).entrySet()) {
            row(out, e.getKey(), e.getValue());
        }
        out.append("</table>\n<h2>Held-out metrics</h2><table>");
        for (Map.Entry<String, Double> e : new TreeMap<>(version.metrics()).entrySet()) {
            row(out, e.getKey(), String.format(Locale.ROOT, "%.4f", e.getValue()));
        }
        out.append("</table>\n");

        double[] sizes = Arrays.stream(report.curveSizes()).asDoubleStream().toArray();
        out.append("<h2>Learning curve</h2>\n").append(Svg.lines("Log loss by training samples", sizes,
                List.of(report.curveTrainLoss(), report.curveTestLoss()), List.of("in-sample", "held-out")));

        double[] importance = report.model().featureImportance();
        if (importance.length > 0) {
            Integer[] order = new Integer[importance.length];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -importance[i]));
            int top = Math.min(TOP_FEATURES, importance.length);
            List<String> names = new ArrayList<>();
            double[] values = new double[top];
            for (int i = 0; i < top; i++) {
                names.add(report.featureNames().get(order[i]));
                values[i] = importance[order[i]];
            }
            out.append("<h2>Feature importance</h2>\n").append(Svg.bars("Top " + top + " features", names, values));
        }

        ClassificationMetrics m = report.outOfSample();
        out.append("<h2>Held-out classification</h2>\n")
                .append(Svg.confusion("Confusion matrix", m.confusion(), CLASS_NAMES));
        out.append("<table><tr><th>class</th><th>precision</th><th>recall</th></tr>");
        for (int c = 0; c < m.precision().length; c++) {
            out.append("<tr><td>").append(CLASS_NAMES.get(c)).append("</td><td>").append(pct(m.precision()[c]))
                    .append("</td><td>").append(pct(m.recall()[c])).append("</td></tr>");
        }
        out.append("</table>\n");

        double[] t = new double[report.equityTimes().length];
        for (int i = 0; i < t.length; i++) {
            t[i] = i;
        }
        double strategy = report.strategyEquity()[t.length - 1] - 1;
        double hold = report.buyAndHoldEquity()[t.length - 1] - 1;
        out.append("<h2>Held-out equity</h2>\n").append(Svg.lines("Equity over held-out bars (long when up is most likely)",
                t, List.of(report.strategyEquity(), report.buyAndHoldEquity()), List.of("model signal", "buy and hold")));
        out.append("<p>Held-out return: model signal ").append(pct(strategy)).append(", buy and hold ").append(pct(hold))
                .append(". The signal ").append(strategy > hold ? "beat" : "did not beat")
                .append(" buy and hold on these bars (before costs).</p>\n");
        return out.append("</body></html>\n").toString();
    }

    private static void row(StringBuilder out, String key, String value) {
        out.append("<tr><th>").append(Svg.escape(key)).append("</th><td>").append(Svg.escape(value)).append("</td></tr>");
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f%%", 100 * v);
    }
}
