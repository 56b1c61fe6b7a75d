package io.amcp.ai.models.neural;

import ai.djl.engine.Engine;
import java.util.function.Supplier;

/**
 * Runs DJL calls with the thread context class loader set to DJL's own: inside OSGi the engine is
 * found through {@code ServiceLoader} on that loader, and a miss is cached for the JVM's life.
 */
final class DjlContext {

    private DjlContext() {
    }

    static <T> T call(Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Engine.class.getClassLoader());
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
