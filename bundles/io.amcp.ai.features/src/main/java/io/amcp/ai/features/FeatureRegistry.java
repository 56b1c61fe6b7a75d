package io.amcp.ai.features;

import io.amcp.ai.features.internal.StandardFeatures;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The ordered list of features a {@link FeatureEngine} computes: column {@code j} of every feature
 * row is {@link #spec(int) spec(j)}. {@link #standard()} is the platform's feature set, documented in
 * {@code docs/features.md} (generated from {@link #markdownTable()}).
 */
public final class FeatureRegistry {

    private static final FeatureRegistry STANDARD = new FeatureRegistry(StandardFeatures.specs());

    private final List<FeatureSpec> specs;
    private final Map<String, Integer> indexByName;
    private final int maxLookback;

    private FeatureRegistry(List<FeatureSpec> specs) {
        this.specs = List.copyOf(specs);
        this.indexByName = new HashMap<>();
        int longest = 1;
        for (int i = 0; i < this.specs.size(); i++) {
            FeatureSpec spec = this.specs.get(i);
            if (indexByName.put(spec.name(), i) != null) {
                throw new IllegalArgumentException("specs: duplicate feature name " + spec.name());
            }
            longest = Math.max(longest, spec.lookback());
        }
        this.maxLookback = longest;
    }

    /** The platform's standard feature set (134 features). */
    public static FeatureRegistry standard() {
        return STANDARD;
    }

    /** All features in column order. */
    public List<FeatureSpec> specs() {
        return specs;
    }

    /** Number of features, the width of a feature row. */
    public int size() {
        return specs.size();
    }

    /** The feature in column {@code index}. */
    public FeatureSpec spec(int index) {
        return specs.get(index);
    }

    /**
     * The column of the feature called {@code name}.
     *
     * @throws IllegalArgumentException naming {@code name} when no feature has that name
     */
    public int indexOf(String name) {
        Integer index = indexByName.get(Objects.requireNonNull(name, "name"));
        if (index == null) {
            throw new IllegalArgumentException("name: no feature called '" + name + "'");
        }
        return index;
    }

    /** The longest lookback of any feature: from this bar count on, every feature has had its data. */
    public int maxLookback() {
        return maxLookback;
    }

    /** The features of one family, in column order. */
    public List<FeatureSpec> family(FeatureFamily family) {
        return specs.stream().filter(s -> s.family() == family).toList();
    }

    /**
     * The feature documentation as Markdown: a title, conventions, and one table (column, name, family,
     * lookback, formula) listing every feature. {@code docs/features.md} holds exactly this text.
     */
    public String markdownTable() {
        StringBuilder out = new StringBuilder();
        out.append("# AI features\n\n");
        out.append("Generated from `FeatureRegistry.standard().markdownTable()` ")
                .append("(io.amcp.ai.features); do not edit by hand. Regenerate from the repository root with\n")
                .append("`mvn -q -o test -pl bundles/io.amcp.ai.features -Dtest=FeatureRegistryTest -Damcp.docs.write=true`")
                .append(" (the same test fails when this file is out of date).\n\n");
        out.append(size()).append(" features per bar. Conventions: `C, O, H, L, V` are the bar's close, open, ")
                .append("high, low and volume; `r_t = ln(C_t / C_(t-1))`; windows end at the current bar `t` and ")
                .append("never read a later bar. `lookback` is the number of bars, the current one included, a ")
                .append("feature needs: it is NaN on the first `lookback - 1` bars. Calendar features use the ")
                .append("bar's end time in the engine's time zone.\n\n");
        out.append("| # | name | family | lookback | formula |\n");
        out.append("|---|------|--------|----------|---------|\n");
        for (int i = 0; i < specs.size(); i++) {
            FeatureSpec s = specs.get(i);
            out.append("| ").append(i).append(" | `").append(s.name()).append("` | ")
                    .append(s.family().name().toLowerCase(Locale.ROOT)).append(" | ")
                    .append(s.lookback()).append(" | ").append(s.formula().replace("|", "\\|")).append(" |\n");
        }
        return out.toString();
    }
}
