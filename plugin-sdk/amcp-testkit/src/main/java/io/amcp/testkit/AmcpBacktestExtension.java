package io.amcp.testkit;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that injects a {@link BacktestHarness} configured by the nearest
 * {@link AmcpBacktest} (the method's, else the class's, else the defaults). Each parameter gets a
 * fresh harness, so risk rules added in one test never leak into another.
 */
public final class AmcpBacktestExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == BacktestHarness.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        AmcpBacktest config = find(extensionContext.getElement())
                .or(() -> extensionContext.getTestClass().flatMap(AmcpBacktestExtension::find))
                .orElse(null);
        try {
            return config == null ? BacktestHarness.dataset("aapl-2013") : harness(config);
        } catch (IllegalArgumentException e) {
            throw new ParameterResolutionException("@AmcpBacktest: " + e.getMessage(), e);
        }
    }

    private static Optional<AmcpBacktest> find(Optional<? extends AnnotatedElement> element) {
        return element.map(e -> e.getAnnotation(AmcpBacktest.class));
    }

    private static Optional<AmcpBacktest> find(Class<?> type) {
        return Optional.ofNullable(type.getAnnotation(AmcpBacktest.class));
    }

    /** Builds the harness an annotation describes; errors name the annotation attribute. */
    static BacktestHarness harness(AmcpBacktest config) {
        BacktestHarness harness = BacktestHarness.dataset(config.dataset()).cash(config.cash())
                .leverage(config.leverage()).slippageBps(config.slippageBps());
        if (!config.commissionPerShare().isEmpty()) {
            harness.commissionPerShare(config.commissionPerShare(), config.commissionMinimum());
        }
        return harness;
    }
}
