package io.fieldbench.decoder.support;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Configuration annotations as SCR makes them: a key {@code a.b} is the method {@code a_b()}, missing keys take the default. */
public final class Configs {

    private Configs() {
    }

    public static <T> T of(Class<T> type, Map<String, Object> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("toString") ? values.toString() : null;
            }
            return values.getOrDefault(method.getName().replace('_', '.'), method.getDefaultValue());
        }));
    }
}
