package io.fieldbench.files.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;

import io.fieldbench.api.sample.Endpoints;
import io.fieldbench.support.AtomicFiles;

/**
 * One download with the file service's protocol, as a peer bench or a device does it: connect,
 * send the name and a newline, take every byte until the server closes. The bytes go to a
 * temporary file beside the target, which replaces the target only when the server has closed
 * cleanly, so a refused or cut-short download never leaves a half file under the chosen name.
 * <p>
 * The protocol carries no size and no status. A refusal is a reset connection (this bench's file
 * service) or a short reply of one line {@code ERROR <reason>} (a server configured to send an
 * error line); an empty reply that ends normally is an empty file (the Python tutorial's server
 * also closes so for a name it does not have). Blocking; run it on a worker thread, never on the EDT.
 */
public final class FileDownload {

    static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    /** A server that sends nothing for this long has stalled: the download fails. */
    static final int READ_TIMEOUT_MILLIS = 30_000;
    static final int BUFFER_BYTES = 64 * 1024;
    /** A reply this short that reads as one "ERROR …" line is the server's refusal, not a file. */
    static final int MAX_ERROR_LINE_BYTES = 1024;
    private static final String ERROR_PREFIX = "ERROR ";

    private final String host;
    private final int port;
    private final String name;
    private final boolean newline;
    private final Path target;
    private final AtomicReference<Socket> open = new AtomicReference<>();
    private volatile boolean cancelled;

    /**
     * @param newline whether the name ends with a newline, as this bench's file service and most
     *                servers read it; without, for servers that take the first segment as the name
     *                (the Python tutorial's)
     */
    public FileDownload(String host, int port, String name, boolean newline, Path target) {
        if (port < 1 || port > Endpoints.MAX_PORT) {
            throw new IllegalArgumentException("port " + port + " is not between 1 and " + Endpoints.MAX_PORT);
        }
        if (name.isBlank() || name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("give one file name, without line breaks");
        }
        this.host = host.strip();
        this.port = port;
        this.name = name;
        this.newline = newline;
        this.target = target.toAbsolutePath();
    }

    /**
     * Downloads; {@code progress} hears the bytes received so far. Returns the size saved.
     *
     * @throws IOException when the server cannot be reached, refuses the name, stalls or the file cannot be written
     */
    public long run(LongConsumer progress) throws IOException {
        Path folder = target.getParent();
        Files.createDirectories(folder);
        Path partial = Files.createTempFile(folder, target.getFileName().toString(), ".part");
        boolean saved = false;
        try (Socket socket = new Socket()) {
            open.set(socket);
            if (cancelled) {
                throw new InterruptedIOException("cancelled");
            }
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            OutputStream request = socket.getOutputStream();
            request.write((newline ? name + "\n" : name).getBytes(StandardCharsets.UTF_8));
            request.flush();
            long received = receive(socket.getInputStream(), partial, progress);
            errorLineIn(partial, received);
            AtomicFiles.replace(partial, target);
            saved = true;
            return received;
        } catch (IOException e) {
            if (cancelled) {
                throw new InterruptedIOException("cancelled");
            }
            throw e;
        } finally {
            open.set(null);
            if (!saved) {
                Files.deleteIfExists(partial);
            }
        }
    }

    /** Stops a download under way from any thread: its socket closes and {@link #run} fails as cancelled. */
    public void cancel() {
        cancelled = true;
        Socket socket = open.get();
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing is all we wanted; run() reports the cancellation
            }
        }
    }

    private long receive(InputStream in, Path partial, LongConsumer progress) throws IOException {
        byte[] buffer = new byte[BUFFER_BYTES];
        long received = 0;
        try (OutputStream out = Files.newOutputStream(partial)) {
            for (int n; (n = in.read(buffer)) >= 0;) {
                out.write(buffer, 0, n);
                received += n;
                progress.accept(received);
            }
        } catch (SocketException reset) {
            if (received == 0 && !cancelled) {
                throw new IOException("the server refused '" + name + "' (it reset the connection; its Files view or"
                        + " files:refusals says why)", reset);
            }
            throw reset;
        }
        return received;
    }

    private void errorLineIn(Path partial, long received) throws IOException {
        if (received > 0 && received <= MAX_ERROR_LINE_BYTES) {
            String reply = Files.readString(partial, StandardCharsets.ISO_8859_1);
            if (reply.startsWith(ERROR_PREFIX) && reply.indexOf('\n') == reply.length() - 1) {
                throw new IOException("the server refused '" + name + "': "
                        + new String(reply.substring(ERROR_PREFIX.length()).strip().getBytes(StandardCharsets.ISO_8859_1),
                                StandardCharsets.UTF_8));
            }
        }
    }
}
