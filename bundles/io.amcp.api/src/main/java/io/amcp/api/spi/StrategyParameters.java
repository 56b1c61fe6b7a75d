package io.amcp.api.spi;

import io.amcp.api.model.NumberText;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A strategy's parameters as text (what {@link BacktestStrategies#create} receives), read against the
 * strategy's typed component configuration, so that the configuration stays the one place that
 * names the parameters and holds their defaults: the parameters are the configuration's attributes
 * except {@code id} and {@code symbol}, which name an instance rather than tune it; an absent
 * parameter takes its attribute's default.
 *
 * <p>Every error is an {@link IllegalArgumentException} whose message starts with the parameter's
 * name ({@code fast: not an integer: 'x'}), as the SPI asks. Immutable.
 */
public final class StrategyParameters {

    private static final List<String> INSTANCE_ATTRIBUTES = List.of("id", "symbol");

    private final String strategy;
    private final Map<String, Method> attributes;
    private final Map<String, String> given;

    private StrategyParameters(String strategy, Map<String, Method> attributes, Map<String, String> given) {
        this.strategy = strategy;
        this.attributes = attributes;
        this.given = given;
    }

    /**
     * Checks that a bundle offering only {@code offered} was asked for it.
     *
     * @throws IllegalArgumentException naming {@code name} when {@code asked} is another strategy
     */
    public static void requireName(String offered, String asked) {
        if (!offered.equals(asked)) {
            throw unknownStrategy("name", List.of(offered), asked);
        }
    }

    /**
     * The parameters of {@code asked}, from a bundle offering only the strategy {@code offered} whose
     * component configuration is {@code config}, each with its default as text (numbers by
     * {@link NumberText}: {@code 2.0} gives {@code "2"}), in name order: what
     * {@link BacktestStrategies#parameters} answers.
     *
     * @throws IllegalArgumentException naming {@code strategy} when {@code asked} is another strategy
     */
    public static Map<String, String> defaults(String offered, String asked, Class<? extends Annotation> config) {
        if (!offered.equals(asked)) {
            throw unknownStrategy("strategy", List.of(offered), asked);
        }
        Map<String, String> defaults = new LinkedHashMap<>();
        attributes(config).forEach((name, m) -> defaults.put(name, m.getDefaultValue() instanceof Number n
                ? NumberText.of(name, n) : String.valueOf(m.getDefaultValue())));
        return Collections.unmodifiableMap(defaults);
    }

    /** The refusal of a strategy name that is not one of {@code offered}, naming {@code field}. */
    static IllegalArgumentException unknownStrategy(String field, List<String> offered, String asked) {
        return new IllegalArgumentException(field + ": unknown strategy '" + asked + "' (this bundle offers "
                + offered + ")");
    }

    /**
     * The parameters {@code given} to {@code strategy}, whose component configuration is {@code config}.
     *
     * @throws IllegalArgumentException naming a given parameter that {@code config} does not define
     */
    public static StrategyParameters of(String strategy, Class<? extends Annotation> config,
            Map<String, String> given) {
        Map<String, Method> attributes = attributes(config);
        for (String name : given.keySet()) {
            if (!attributes.containsKey(name)) {
                throw new IllegalArgumentException(name + ": not a parameter of " + strategy + " "
                        + attributes.keySet());
            }
        }
        return new StrategyParameters(strategy, attributes, Map.copyOf(given));
    }

    /** The attributes of {@code config} that tune a strategy, by name in name order. */
    private static Map<String, Method> attributes(Class<? extends Annotation> config) {
        Map<String, Method> attributes = new TreeMap<>();
        for (Method m : config.getDeclaredMethods()) {
            if (!INSTANCE_ATTRIBUTES.contains(m.getName()) && m.getDefaultValue() != null) {
                attributes.put(m.getName(), m);
            }
        }
        return attributes;
    }

    /** An {@code int} attribute: the given text as an integer, else the default. */
    public int integer(String name) {
        return read(name, int.class, Integer::parseInt, "not an integer");
    }

    /** A {@code double} attribute: the given text as a number, else the default. */
    public double number(String name) {
        return read(name, double.class, Double::parseDouble, "not a number");
    }

    /** A {@code boolean} attribute: the given text, exactly {@code true} or {@code false}, else the default. */
    public boolean bool(String name) {
        return read(name, boolean.class, StrategyParameters::trueOrFalse, "not true or false");
    }

    /**
     * A decimal held as text in a {@code String} attribute (a quantity, an amount of money): the given
     * text, else the default, through {@code parser} (e.g. {@code Quantity::of}).
     */
    public <T> T decimal(String name, Function<String, T> parser) {
        String text = given.getOrDefault(name, (String) defaultOf(name, String.class));
        return parse(name, text, parser, "not a number");
    }

    /** The given text through {@code parser}, else the default of the {@code type} attribute {@code name}. */
    @SuppressWarnings("unchecked")
    private <T> T read(String name, Class<?> type, Function<String, T> parser, String refusal) {
        Object fallback = defaultOf(name, type);
        String text = given.get(name);
        return text == null ? (T) fallback : parse(name, text, parser, refusal);
    }

    private static <T> T parse(String name, String text, Function<String, T> parser, String refusal) {
        try {
            return parser.apply(text.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + ": " + refusal + ": '" + text + "'", e);
        }
    }

    private static boolean trueOrFalse(String text) {
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(text);
        };
    }

    private Object defaultOf(String name, Class<?> type) {
        Method attribute = attributes.get(name);
        if (attribute == null || attribute.getReturnType() != type) {
            throw new IllegalStateException(strategy + "'s configuration has no " + type.getSimpleName()
                    + " attribute '" + name + "'");
        }
        return attribute.getDefaultValue();
    }
}
