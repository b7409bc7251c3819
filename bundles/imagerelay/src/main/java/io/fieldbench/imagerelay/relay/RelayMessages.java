package io.fieldbench.imagerelay.relay;

import java.util.LinkedHashMap;
import java.util.Map;

import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

/** The bench's control messages to a client, as JSON text frames (see the wire protocol in the architecture page). */
final class RelayMessages {

    static final String TYPE = "type";
    static final String IMAGE = "image";
    static final String BENCH = "bench";

    private RelayMessages() {
    }

    static TextWebSocketFrame hello(int client, int maxBytes, RelayMode relay) {
        return frame(Map.of(TYPE, "hello", "client", client, "maxBytes", maxBytes, "relay", relay.setting()));
    }

    static TextWebSocketFrame stored(String name, String file, boolean duplicate) {
        return frame(Map.of(TYPE, "stored", "name", name, "file", file, "duplicate", duplicate));
    }

    static TextWebSocketFrame refused(String name, String reason) {
        return frame(Map.of(TYPE, "refused", "name", name, "reason", reason));
    }

    /** The header of an image the bench sends, followed by its binary message; {@code from} is "bench" or "client N". */
    static TextWebSocketFrame image(String name, String mime, long size, String from) {
        return frame(Map.of(TYPE, IMAGE, "name", name, "mime", mime, "size", size, "from", from));
    }

    static String fromClient(int id) {
        return "client " + id;
    }

    private static TextWebSocketFrame frame(Map<String, Object> fields) {
        // the type first: easier to read in a browser's network panel
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put(TYPE, fields.get(TYPE));
        ordered.putAll(fields);
        return new TextWebSocketFrame(JsonText.write(ordered));
    }
}
