package io.fieldbench.chat.internal;

import io.fieldbench.server.support.tcp.ClientRegistry;
import io.netty.channel.embedded.EmbeddedChannel;

/** A client's pipeline as the server builds it, on an {@link EmbeddedChannel}: no socket, connected at once. */
final class EmbeddedClients {

    private EmbeddedClients() {
    }

    static EmbeddedChannel connect(ClientRegistry<ChatClient> registry, ChatTraffic traffic, ChatSettings settings) {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.pipeline().addLast(InboundCounter.INSTANCE);
        ChatInitializer.addFraming(channel.pipeline(), settings);
        ChatInitializer.addFrameTimeout(channel.pipeline(), settings);
        channel.pipeline().addLast(new ClientHandler(registry, traffic, settings));
        channel.pipeline().fireChannelActive();
        return channel;
    }
}
