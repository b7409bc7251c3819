package io.fieldbench.files.internal;

import java.time.Instant;

/**
 * A request the service refused.
 *
 * @param time   when
 * @param client the client's address, {@code host:port}
 * @param name   the name as sent, escaped for display ({@link RequestedName#escaped})
 * @param reason why
 */
public record Refusal(Instant time, String client, String name, String reason) {
}
