package io.fieldbench.core.deploy;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.osgi.framework.Bundle;

/**
 * A private map of a library that keeps entries of a bundle after it is uninstalled, reached by
 * reflection because the library offers no way to remove them.
 *
 * @param map         the map itself
 * @param bundleOfKey the bundle a key stands for
 */
record BundleKeyedMap(Map<?, ?> map, UnaryOperator<Object> bundleOfKey) {

    /** Drops the entries of a bundle that is gone. */
    void forget(Bundle gone) {
        map.keySet().removeIf(key -> bundleOfKey.apply(key) == gone);
    }

    /** The map in the field {@code path[0]} of {@code object}, or in the field {@code path[1]} of that, and so on. */
    static Map<?, ?> at(Object object, String... path) throws ReflectiveOperationException {
        Object value = object;
        for (String name : path) {
            value = readable(value.getClass(), name).get(value);
        }
        return (Map<?, ?>) value;
    }

    /** The field, made readable: the library's classes are in unnamed modules, so nothing forbids it. */
    static Field readable(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> declaring = type; declaring != null; declaring = declaring.getSuperclass()) {
            try {
                Field field = declaring.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException e) {
                // declared higher up, perhaps
            }
        }
        throw new NoSuchFieldException(type.getName() + "." + name);
    }
}
