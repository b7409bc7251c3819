package io.fieldbench.tests.distribution;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Mosquitto broker, started by a test on a free loopback port with a config file of its
 * own (persistence in its folder, so a restart keeps sessions and queued messages), stopped by
 * {@link #close()}. {@link #stop()} (or {@link #kill()}) and {@link #start()} restart it on the same port.
 */
final class Mosquitto implements AutoCloseable {

    static final Path BROKER = Path.of("/usr/sbin/mosquitto");
    static final Path PASSWORDS = Path.of("/usr/bin/mosquitto_passwd");
    /** How long a helper program (openssl, mosquitto_passwd) or the broker's clean stop may take. */
    private static final long WAIT_SECONDS = 10;
    /** A probe of the port: the broker answers on loopback at once when it listens. */
    private static final int CONNECT_MILLIS = 200;

    private final Path folder;
    private final int port;
    private final boolean tls;
    private Process process;

    private Mosquitto(Path folder, int port, boolean tls) {
        this.folder = folder;
        this.port = port;
        this.tls = tls;
    }

    static void assumeInstalled() {
        assumeTrue(Files.isExecutable(BROKER) && Files.isExecutable(PASSWORDS),
                "needs Debian's mosquitto (" + BROKER + "); .ci/run installs it");
    }

    /** A broker that lets anyone in. */
    static Mosquitto anonymous(Path folder) throws Exception {
        return started(folder, "allow_anonymous true");
    }

    /**
     * A broker that lets anyone in and saves what it holds after every change, not every second: a
     * SIGKILL then loses no message it had acknowledged to a publisher and not yet delivered (see
     * bridge.md, "What is never lost, and what can be").
     */
    static Mosquitto anonymousSavingEveryChange(Path folder) throws Exception {
        return started(folder, "allow_anonymous true\nautosave_on_changes true");
    }

    /** A broker that lets in only this user with this password. */
    static Mosquitto withPassword(Path folder, String user, String password) throws Exception {
        Files.createDirectories(folder);
        Path passwords = folder.resolve("passwords");
        run(List.of(PASSWORDS.toString(), "-c", "-b", passwords.toString(), user, password));
        return started(folder, "allow_anonymous false\npassword_file " + passwords);
    }

    /**
     * A broker that speaks only TLS, with a self-signed certificate for 127.0.0.1 made by openssl
     * ({@link #certificate()}: what a client must trust).
     */
    static Mosquitto withTls(Path folder) throws Exception {
        Files.createDirectories(folder);
        run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", folder.resolve("key.pem").toString(),
                "-out", folder.resolve("certificate.pem").toString()));
        return started(folder, "allow_anonymous true\ncertfile " + folder.resolve("certificate.pem")
                + "\nkeyfile " + folder.resolve("key.pem"), true);
    }

    private static Mosquitto started(Path folder, String ownLines) throws Exception {
        return started(folder, ownLines, false);
    }

    /** A broker with the config every test broker has, and {@code ownLines}: who may connect, TLS, how often it saves. */
    private static Mosquitto started(Path folder, String ownLines, boolean tls) throws Exception {
        assumeInstalled();
        Files.createDirectories(folder);
        Mosquitto broker = new Mosquitto(folder, freePort(), tls);
        Files.writeString(folder.resolve("mosquitto.conf"), String.join("\n",
                "listener " + broker.port + " 127.0.0.1",
                // run as the test's user: as root, Mosquitto would switch to user mosquitto, who cannot
                // write the test's folder (persistence) nor read its password file
                "user " + System.getProperty("user.name"),
                ownLines,
                "persistence true",
                "persistence_location " + folder + "/",
                // every second, or with autosave_on_changes after every change
                "autosave_interval 1",
                // what a watching bench misses while away is kept for it, far past Mosquitto's default of 1000
                "max_queued_messages 0",
                "log_dest file " + folder.resolve("mosquitto.log"),
                ""));
        broker.start();
        return broker;
    }

    /** The address a bench's bridge setting names. */
    String uri() {
        return (tls ? "ssl" : "tcp") + "://127.0.0.1:" + port;
    }

    /** The certificate of a TLS broker, in PEM: the {@code ca.file} of a bench that trusts it. */
    Path certificate() {
        return folder.resolve("certificate.pem");
    }

    /** Publishes one message with mosquitto_pub, as another program on the broker would. */
    void publish(String topic, String payload) throws Exception {
        run(List.of("mosquitto_pub", "-h", "127.0.0.1", "-p", Integer.toString(port), "-q", "1", "-t", topic, "-m", payload));
    }

    private static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(command.get(0) + " failed: " + new String(output));
        }
    }

    int port() {
        return port;
    }

    /** The running broker's process id. */
    long pid() {
        return process.pid();
    }

    /** Starts the broker and waits until it accepts connections. */
    void start() throws Exception {
        process = new ProcessBuilder(BROKER.toString(), "-c", folder.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("stdout.log").toFile()).start();
        Poll.until(this::accepts, "Mosquitto accepting connections on port " + port);
    }

    /** Stops the broker as a service manager does (SIGTERM: it saves what it holds), and waits for it to end. */
    void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            process = null;
        }
    }

    /** Kills the broker with SIGKILL, as a crash or a power cut would: what it had not saved is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
        process = null;
    }

    /** The broker's log, for a failing test to show. */
    List<String> log() throws IOException {
        Path log = folder.resolve("mosquitto.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_MILLIS);
            return true;
        } catch (IOException e) {
            return process.isAlive() ? false : failed();
        }
    }

    private boolean failed() {
        throw new IllegalStateException("mosquitto ended at start; see " + folder.resolve("stdout.log"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
