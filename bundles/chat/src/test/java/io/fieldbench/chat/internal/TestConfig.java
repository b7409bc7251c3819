package io.fieldbench.chat.internal;

import java.lang.annotation.Annotation;

/** A {@link ChatConfig} with the defaults, some of which a test changes. */
record TestConfig(String framing, int lengthPrefix, String charset, int maxLine, int outboundLimit, int frameTimeout)
        implements ChatConfig {

    TestConfig(String framing, int lengthPrefix, String charset, int maxLine, int outboundLimit) {
        this(framing, lengthPrefix, charset, maxLine, outboundLimit, 30);
    }

    static TestConfig framing(String framing) {
        return new TestConfig(framing, 2, "UTF-8", 16, 1024 * 1024);
    }

    TestConfig frameTimeout(int seconds) {
        return new TestConfig(framing, lengthPrefix, charset, maxLine, outboundLimit, seconds);
    }

    ChatSettings settings() {
        return ChatSettings.of(this);
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return ChatConfig.class;
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public String bind_address() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return 0;
    }

    @Override
    public int max_line_length() {
        return maxLine;
    }

    @Override
    public int length_prefix_bytes() {
        return lengthPrefix;
    }

    @Override
    public int idle_timeout_seconds() {
        return 0;
    }

    @Override
    public int frame_timeout_seconds() {
        return frameTimeout;
    }

    @Override
    public int max_clients() {
        return 2;
    }

    @Override
    public int outbound_limit_bytes() {
        return outboundLimit;
    }

    @Override
    public boolean echo() {
        return false;
    }

    @Override
    public String greeting() {
        return "";
    }
}
