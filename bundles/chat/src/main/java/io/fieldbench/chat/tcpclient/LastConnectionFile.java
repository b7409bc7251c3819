package io.fieldbench.chat.tcpclient;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

import io.fieldbench.api.sample.Endpoints;
import io.fieldbench.chat.internal.Framing;
import io.fieldbench.support.AtomicFiles;

/**
 * Keeps the {@link LastConnection} in a small properties file in the data directory:
 * <pre>
 * host = 192.168.1.20
 * port = 502
 * framing = line
 * encoding = GBK
 * </pre>
 * Read once at activation, written after each connection (off the EDT: it touches the disk).
 */
final class LastConnectionFile {

    static final String FILE_NAME = "tcp-client.properties";
    private static final String HOST = "host";
    private static final String PORT = "port";
    private static final String FRAMING = "framing";
    private static final String ENCODING = "encoding";

    private final Path file;

    LastConnectionFile(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /**
     * The saved connection, or {@link LastConnection#FIRST} when none was saved yet.
     *
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming what in the file is not valid
     */
    LastConnection read() throws IOException {
        if (!Files.isRegularFile(file)) {
            return LastConnection.FIRST;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        String host = required(properties, HOST);
        String port = required(properties, PORT);
        String framing = required(properties, FRAMING);
        String encoding = required(properties, ENCODING);
        return new LastConnection(host, port(port), framing(framing), encoding(encoding));
    }

    /** Writes the connection (to a temporary file first, so a crash leaves the old one whole). */
    void write(LastConnection connection) throws IOException {
        Properties properties = new Properties();
        properties.setProperty(HOST, connection.host());
        properties.setProperty(PORT, Integer.toString(connection.port()));
        properties.setProperty(FRAMING, connection.framing().setting());
        properties.setProperty(ENCODING, connection.encoding());
        AtomicFiles.store(file, properties, "Fieldbench TCP client: the last connection");
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key, "").trim();
        if (value.isEmpty()) {
            throw new IllegalArgumentException(key + " is missing");
        }
        return value;
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= Endpoints.MAX_PORT) {
                return port;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("port '" + text + "' is not a number from 1 to " + Endpoints.MAX_PORT);
    }

    private static Framing framing(String text) {
        try {
            return Framing.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("framing '" + text + "' is not raw, line or length");
        }
    }

    private static String encoding(String text) {
        try {
            if (Charset.isSupported(text)) {
                return text;
            }
        } catch (IllegalArgumentException e) {
            // an illegal name: said below
        }
        throw new IllegalArgumentException("encoding '" + text + "' is not a known charset");
    }
}
