package io.fieldbench.udp.internal;

import java.lang.annotation.Annotation;
import java.util.Map;

/** A {@link CollectorConfig} as DS would make it: the annotation's defaults, with some values changed. */
final class TestConfig {

    private TestConfig() {
    }

    static CollectorConfig with(Map<String, Object> values) {
        return new CollectorConfig() {
            private Object value(String key, Object fallback) {
                return values.getOrDefault(key, fallback);
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return CollectorConfig.class;
            }

            @Override
            public boolean enabled() {
                return (Boolean) value("enabled", true);
            }

            @Override
            public String bind_address() {
                return (String) value("bind.address", "0.0.0.0");
            }

            @Override
            public int port() {
                return (Integer) value("port", 9999);
            }

            @Override
            public int receive_buffer() {
                return (Integer) value("receive.buffer", 32 * 1024 * 1024);
            }

            @Override
            public String decoder() {
                return (String) value("decoder", "auto");
            }

            @Override
            public String charset() {
                return (String) value("charset", "UTF-8");
            }

            @Override
            public String reply() {
                return (String) value("reply", "none");
            }

            @Override
            public String ack_template() {
                return (String) value("ack.template", "Received:%s");
            }

            @Override
            public String keepalive_patterns() {
                return (String) value("keepalive.patterns", "heartbeat,ping,keepalive");
            }
        };
    }

    static CollectorSettings settings(Map<String, Object> values) {
        return CollectorSettings.of(with(values));
    }
}
