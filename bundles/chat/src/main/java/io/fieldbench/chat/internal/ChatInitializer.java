package io.fieldbench.chat.internal;

import java.util.concurrent.TimeUnit;

import io.fieldbench.server.support.tcp.ClientRegistry;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;

/**
 * A client's pipeline: count the bytes, time out idleness, cut messages as the framing says, time
 * out a message begun and not finished, then the client handler. Settings are those in force when the client connected.
 */
final class ChatInitializer extends ChannelInitializer<SocketChannel> {

    private final ChatSettings settings;
    private final ClientRegistry<ChatClient> registry;
    private final ChatTraffic traffic;

    ChatInitializer(ChatSettings settings, ClientRegistry<ChatClient> registry, ChatTraffic traffic) {
        this.settings = settings;
        this.registry = registry;
        this.traffic = traffic;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast("count", InboundCounter.INSTANCE);
        if (settings.idleTimeoutSeconds() > 0) {
            pipeline.addLast("idle", new IdleStateHandler(0, 0, settings.idleTimeoutSeconds(), TimeUnit.SECONDS));
        }
        addFraming(pipeline, settings);
        addFrameTimeout(pipeline, settings);
        pipeline.addLast("client", new ClientHandler(registry, traffic, settings));
    }

    /**
     * Right after the framing decoder, the deadline for finishing a message once begun, if the
     * framing cuts messages (raw has no unfinished message) and the setting is not 0.
     */
    static void addFrameTimeout(ChannelPipeline pipeline, ChatSettings settings) {
        if (settings.frameTimeoutSeconds() > 0 && pipeline.get("framing") instanceof Frames.PartialFrame framing) {
            pipeline.addLast("frame-timeout", new FrameTimeout(framing, settings.frameTimeoutSeconds()));
        }
    }

    /** The decoder of the framing, if it has one; the client tool uses the same. */
    static void addFraming(ChannelPipeline pipeline, ChatSettings settings) {
        Frames.addDecoder(pipeline, settings.framing(), settings.maxFrame(), settings.lengthPrefixBytes());
    }
}
