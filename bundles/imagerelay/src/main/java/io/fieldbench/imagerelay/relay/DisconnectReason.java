package io.fieldbench.imagerelay.relay;

/** Why a client's connection ended, as the log and the view say it. */
enum DisconnectReason {
    CLOSED_BY_PEER("closed by peer"),
    RESET("reset by peer"),
    IDLE_TIMEOUT("idle timeout: no answer to a ping"),
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

    String text() {
        return text;
    }

    /** Whether a message the client was sending is lost by this end, and worth saying so: not for a refusal. */
    boolean endsUpload() {
        return this == CLOSED_BY_PEER || this == RESET || this == IDLE_TIMEOUT || this == SERVER_STOPPING || this == ERROR;
    }
}
