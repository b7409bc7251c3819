package io.fieldbench.tests.distribution;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The chat benchmark's baseline: a thread-per-client Python server, which this class writes to a
 * file and runs with python3, and its control connection. It echoes lines; on the control
 * connection "!count" answers the number of other clients, and "!broadcast TEXT" sends TEXT to every
 * other client and answers "!done SECONDS", its own time from taking the request until the last
 * send returned. It ends when its standard input closes, so it cannot outlive the benchmark.
 */
final class ThreadPerClientServer implements AutoCloseable {

    private static final String SCRIPT = """
            import os, resource, socket, sys, threading, time
            soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
            threading.stack_size(256 * 1024)
            clients = set()
            lock = threading.Lock()
            def serve(c):
                with lock:
                    clients.add(c)
                try:
                    f = c.makefile('rb')
                    for line in f:
                        if line.startswith(b'!broadcast '):
                            start = time.perf_counter()
                            text = line[len(b'!broadcast '):]
                            with lock:
                                others = [o for o in clients if o is not c]
                            for o in others:
                                try:
                                    o.sendall(text)
                                except OSError:
                                    pass
                            c.sendall(b'!done %f\\n' % (time.perf_counter() - start))
                        elif line == b'!count\\n':
                            with lock:
                                n = len(clients) - 1
                            c.sendall(b'%d\\n' % n)
                        else:
                            c.sendall(line)
                except OSError:
                    pass
                finally:
                    with lock:
                        clients.discard(c)
                    c.close()
            def watch_stdin():
                sys.stdin.read()
                os._exit(0)
            threading.Thread(target=watch_stdin, daemon=True).start()
            s = socket.socket()
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(('127.0.0.1', 0))
            s.listen(4096)
            print(s.getsockname()[1], flush=True)
            while True:
                c, _ = s.accept()
                threading.Thread(target=serve, args=(c,), daemon=True).start()
            """;

    private final Process process;
    private final int port;
    private final SocketChannel control;
    private final ByteBuffer in = ByteBuffer.allocate(4096).flip();

    private ThreadPerClientServer(Process process, int port, SocketChannel control) {
        this.process = process;
        this.port = port;
        this.control = control;
    }

    /** Writes the script into {@code folder}, starts it, and opens the control connection. */
    static ThreadPerClientServer start(Path folder) throws IOException {
        Path script = folder.resolve("thread_per_client_server.py");
        Files.writeString(script, SCRIPT);
        Process process = new ProcessBuilder("python3", script.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            int port = Integer.parseInt(out.readLine().trim());
            return new ThreadPerClientServer(process, port,
                    SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    int port() {
        return port;
    }

    ProcessHandle process() {
        return process.toHandle();
    }

    /** The clients connected besides the control connection. */
    int clients() throws IOException {
        send("!count");
        return Integer.parseInt(readLine());
    }

    /** Asks for a broadcast of the text to every client; does not wait for it. */
    void startBroadcast(String text) throws IOException {
        send("!broadcast " + text);
    }

    /** Waits for the answer to the broadcast: the server's own time from the request until its last send returned. */
    double broadcastMillis() throws IOException {
        String done = readLine();
        if (!done.startsWith("!done ")) {
            throw new IOException("the Python server answered '" + done + "' to a broadcast");
        }
        return Double.parseDouble(done.substring("!done ".length())) * 1e3;
    }

    private void send(String line) throws IOException {
        ByteBuffer out = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        while (out.hasRemaining()) {
            control.write(out);
        }
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            while (in.hasRemaining()) {
                char c = (char) in.get();
                if (c == '\n') {
                    return line.toString();
                }
                line.append(c);
            }
            in.clear();
            if (control.read(in) < 0) {
                throw new IOException("the Python server closed its control connection");
            }
            in.flip();
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        control.close();
        process.getOutputStream().close(); // the script exits when its input ends
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
