package io.fieldbench.decoder.support;

import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;

import org.osgi.service.log.Logger;

/** An OSGi {@link Logger} that keeps every line, with its {@code {}} placeholders filled in, as {@code LEVEL text}. */
public final class RecordingLogger {

    public final List<String> lines = new CopyOnWriteArrayList<>();

    public final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] { Logger.class },
            (proxy, method, args) -> {
                if (method.getReturnType() == boolean.class) {
                    return true;
                }
                if (args != null && args.length > 0 && args[0] instanceof String format) {
                    Object[] values = args.length == 2 && args[1] instanceof Object[] many ? many
                            : Arrays.copyOfRange(args, 1, args.length);
                    String line = format;
                    for (Object value : values) {
                        line = line.replaceFirst("\\{\\}", Matcher.quoteReplacement(String.valueOf(value)));
                    }
                    lines.add(method.getName().toUpperCase(Locale.ROOT) + " " + line);
                }
                return method.getReturnType() == String.class ? "recording" : null;
            });

    /** Puts this logger in a component's {@code Logger log} field, its own or a superclass's, as SCR does before activating it. */
    public <T> T injectInto(T component) {
        for (Class<?> type = component.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField("log");
                field.setAccessible(true);
                field.set(component, logger);
                return component;
            } catch (NoSuchFieldException notHere) {
                // declared further up
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError(component.getClass() + " has no field log");
    }
}
