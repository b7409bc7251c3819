package io.fieldbench.recorder.internal;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.log.Logger;

/** A Logger that keeps the level and format of each line, for asserting what was said. */
final class TestLog {

    final List<String> lines = new CopyOnWriteArrayList<>();

    Logger logger() {
        return (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "getName":
                    return "test";
                case "isErrorEnabled", "isWarnEnabled", "isInfoEnabled", "isDebugEnabled", "isTraceEnabled":
                    return true;
                case "error", "warn", "info", "debug", "trace", "audit":
                    lines.add(method.getName() + " " + (args == null ? "" : args[0]));
                    return null;
                default:
                    return null;
            }
        });
    }

    long count(String level) {
        return lines.stream().filter(line -> line.startsWith(level + " ")).count();
    }
}
