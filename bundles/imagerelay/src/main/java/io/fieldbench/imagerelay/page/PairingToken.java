package io.fieldbench.imagerelay.page;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

import io.fieldbench.support.AtomicFiles;

/**
 * The secret a phone needs to connect: part of the page URL, kept in {@code <data>/imagerelay/token}
 * so that a QR code printed once keeps working across restarts, until the operator makes a new one.
 */
public final class PairingToken {

    static final int BITS = 128;
    private static final Pattern WELL_FORMED = Pattern.compile("[0-9a-fA-F]{16,128}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private volatile String value;

    private PairingToken(Path file, String value) {
        this.file = file;
        this.value = value;
    }

    /** The token in the file, or a new one written there when the file is missing or not a token. */
    public static PairingToken load(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            String kept = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (WELL_FORMED.matcher(kept).matches()) {
                return new PairingToken(file, kept.toLowerCase(java.util.Locale.ROOT));
            }
        }
        PairingToken token = new PairingToken(file, "");
        token.regenerate();
        return token;
    }

    public String value() {
        return value;
    }

    /** Whether a token a client sent is this one; in constant time, so timing tells nothing of it. */
    public boolean matches(String sent) {
        return sent != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.US_ASCII),
                sent.trim().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    /** A new random token, written before it is used, so a restart keeps it. */
    public void regenerate() throws IOException {
        byte[] bits = new byte[BITS / 8];
        RANDOM.nextBytes(bits);
        String fresh = HexFormat.of().formatHex(bits);
        AtomicFiles.writeString(file, fresh + "\n");
        value = fresh;
    }
}
