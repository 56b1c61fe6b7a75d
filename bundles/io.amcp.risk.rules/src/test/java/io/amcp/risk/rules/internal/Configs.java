package io.amcp.risk.rules.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.Map;

/** Builds a configuration annotation the way Declarative Services does: given properties, else the defaults. */
final class Configs {

    private Configs() {
    }

    static <A extends Annotation> A of(Class<A> type, Map<String, Object> properties) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getName().equals("annotationType")) {
                return type;
            }
            Object value = properties.get(method.getName());
            return value != null ? value : method.getDefaultValue();
        }));
    }
}
