package io.fieldbench.server.support.tcp;

/** Why a client's connection ended, as the chat's and the image relay's logs and views say it. */
public enum DisconnectReason {
    CLOSED_BY_PEER("closed by peer"),
    RESET("reset by peer"),
    IDLE_TIMEOUT("idle timeout"),
    SLOWLORIS("too slow to finish a message (slowloris)"),
    KICKED("kicked"),
    TOO_SLOW("too slow: it does not read what it is sent (outbound.limit.bytes passed)"),
    MESSAGE_TOO_BIG("message too big (max.image.bytes): send a smaller image or raise the limit"),
    PROTOCOL_ERROR("WebSocket protocol error"),
    TOO_MANY_CLIENTS("too many clients (max.clients reached)"),
    SERVER_STOPPING("server stopping"),
    ERROR("error");

    private final String text;

    DisconnectReason(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
