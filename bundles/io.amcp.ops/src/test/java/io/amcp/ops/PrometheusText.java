package io.amcp.ops;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict parser of the Prometheus text exposition format 0.0.4, written from the format's
 * specification (prometheus.io/docs/instrumenting/exposition_formats): every line is a
 * {@code # HELP}, a {@code # TYPE} or a sample; a sample's family must have been declared by a
 * {@code # TYPE} line before it; label values are quoted with {@code \\}, {@code \"} and {@code \n}
 * escapes; values are Go floats including {@code NaN} and {@code +Inf}. Anything else throws.
 */
final class PrometheusText {

    record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final List<String> TYPES = List.of("counter", "gauge", "histogram", "summary", "untyped");

    final Map<String, String> types = new LinkedHashMap<>();
    final List<Sample> samples = new ArrayList<>();

    static PrometheusText parse(String text) {
        PrometheusText p = new PrometheusText();
        int lineNo = 0;
        for (String line : text.split("\n", -1)) {
            lineNo++;
            if (line.isEmpty()) {
                continue;
            }
            try {
                p.line(line);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("line " + lineNo + " '" + line + "': " + e.getMessage(), e);
            }
        }
        return p;
    }

    private void line(String line) {
        if (line.startsWith("# HELP ")) {
            String rest = line.substring(7);
            int sp = rest.indexOf(' ');
            requireName(sp < 0 ? rest : rest.substring(0, sp));
            return;
        }
        if (line.startsWith("# TYPE ")) {
            String[] parts = line.substring(7).split(" ");
            if (parts.length != 2 || !TYPES.contains(parts[1])) {
                throw new IllegalArgumentException("malformed TYPE");
            }
            requireName(parts[0]);
            if (types.put(parts[0], parts[1]) != null) {
                throw new IllegalArgumentException("TYPE declared twice for " + parts[0]);
            }
            return;
        }
        if (line.startsWith("#")) {
            return;
        }
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
            i++;
        }
        String name = requireName(line.substring(0, i));
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i++;
            while (line.charAt(i) != '}') {
                int eq = line.indexOf('=', i);
                String label = line.substring(i, eq);
                if (!LABEL_NAME.matcher(label).matches()) {
                    throw new IllegalArgumentException("bad label name " + label);
                }
                if (line.charAt(eq + 1) != '"') {
                    throw new IllegalArgumentException("label value not quoted");
                }
                StringBuilder value = new StringBuilder();
                int j = eq + 2;
                for (;; j++) {
                    char c = line.charAt(j);
                    if (c == '\\') {
                        char n = line.charAt(++j);
                        value.append(switch (n) {
                            case '\\' -> '\\';
                            case '"' -> '"';
                            case 'n' -> '\n';
                            default -> throw new IllegalArgumentException("bad escape \\" + n);
                        });
                    } else if (c == '"') {
                        break;
                    } else {
                        value.append(c);
                    }
                }
                if (labels.put(label, value.toString()) != null) {
                    throw new IllegalArgumentException("label repeated: " + label);
                }
                i = j + 1;
                if (line.charAt(i) == ',') {
                    i++;
                }
            }
            i++;
        }
        if (line.charAt(i) != ' ') {
            throw new IllegalArgumentException("expected a space before the value");
        }
        String[] valueAndTime = line.substring(i + 1).split(" ");
        if (valueAndTime.length > 2) {
            throw new IllegalArgumentException("trailing text after value and timestamp");
        }
        double value = switch (valueAndTime[0]) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(valueAndTime[0]);
        };
        if (valueAndTime.length == 2) {
            Long.parseLong(valueAndTime[1]);
        }
        if (family(name) == null) {
            throw new IllegalArgumentException("sample of " + name + " without a TYPE line before it");
        }
        samples.add(new Sample(name, labels, value));
    }

    /** The declared family a sample name belongs to, or null. */
    String family(String sample) {
        if (types.containsKey(sample)) {
            return sample;
        }
        for (String suffix : List.of("_total", "_count", "_sum", "_bucket", "_created")) {
            if (sample.endsWith(suffix)) {
                String base = sample.substring(0, sample.length() - suffix.length());
                if (types.containsKey(base)) {
                    return base;
                }
            }
        }
        return null;
    }

    private static String requireName(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            throw new IllegalArgumentException("bad metric name '" + name + "'");
        }
        return name;
    }

    /** The one sample with this name and these labels (other labels ignored); throws when none or several. */
    double value(String name, String... labelPairs) {
        Map<String, String> wanted = new HashMap<>();
        for (int k = 0; k < labelPairs.length; k += 2) {
            wanted.put(labelPairs[k], labelPairs[k + 1]);
        }
        List<Sample> found = samples.stream().filter(s -> s.name().equals(name)
                && s.labels().entrySet().containsAll(wanted.entrySet())).toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " samples of " + name + wanted + " in the scrape");
        }
        return found.get(0).value();
    }

    boolean has(String name) {
        return samples.stream().anyMatch(s -> s.name().equals(name));
    }
}
