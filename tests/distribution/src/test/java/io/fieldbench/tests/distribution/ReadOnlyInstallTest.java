package io.fieldbench.tests.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A bench installed where its user cannot write (a distribution owned by root, say), started with its
 * start script as a user does: it runs, stops cleanly, and says in one line that it cannot
 * write its class-sharing archive. Root writes past any mode, so as root the bench runs as nobody.
 */
class ReadOnlyInstallTest {

    private static final int NOBODY = 65534;
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    private static final String STALE_ARCHIVE = "fieldbench.jsa";

    private Path folder;

    @AfterEach
    void deleteTheInstall() throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.toList()) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        ScratchFolder.delete(folder);
    }

    @Test
    void runsAndStopsCleanlyWithOneLineAboutTheArchive() throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        Assumptions.assumeTrue(!root || Files.isExecutable(SETPRIV), "as root the bench must run as another user: needs setpriv");
        folder = Files.createTempDirectory("fieldbench-readonly-");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path distribution = installed(folder.resolve("fieldbench"));
        Path data = Files.createDirectory(folder.resolve("data"));
        List<String> command = new ArrayList<>();
        if (root) {
            Files.setAttribute(data, "unix:uid", NOBODY);
            command.addAll(List.of(SETPRIV.toString(), "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        }
        command.addAll(List.of("bash", distribution.resolve("fieldbench").toString(), "--headless", "--data", data.toString(),
                "--features", "udp", "--set", "io.fieldbench.udp.port=0", "--set", "io.fieldbench.udp.bind.address=127.0.0.1",
                // less than any kernel grants, so that no warning about the buffer comes on stderr
                "--set", "io.fieldbench.udp.receive.buffer=65536"));
        try (BenchProcess bench = BenchProcess.run(command, folder, Map.of())) {
            int port = bench.awaitListening("udp:status");
            try (DatagramSocket device = new DatagramSocket()) {
                byte[] frame = "id=installed,t=21.5".getBytes(StandardCharsets.UTF_8);
                device.send(new DatagramPacket(frame, frame.length, InetAddress.getLoopbackAddress(), port));
            }
            bench.askUntil("udp:status", line -> line.startsWith("received:  1 datagrams"), "the device's datagram");
            bench.send("fb:shutdown");

            assertEquals(0, bench.awaitExit(), "a clean stop, whatever the JVM does at its exit; stderr: " + bench.errors());
            assertEquals(1, bench.errors().size(), "one line on stderr: " + bench.errors());
            String line = bench.errors().get(0);
            assertTrue(line.contains("class-sharing archive") && line.contains(distribution.resolve(STALE_ARCHIVE).toString()), line);
        }
        try (Stream<Path> files = Files.list(distribution)) {
            assertEquals(List.of(STALE_ARCHIVE), files.map(file -> file.getFileName().toString())
                    .filter(name -> name.startsWith(STALE_ARCHIVE)).toList(), "no new archive, the old one left alone");
        }
    }

    /**
     * A distribution as an installer leaves it, read-only, with an archive of a start before its last
     * build (which a writable distribution drops).
     */
    private static Path installed(Path folder) throws IOException {
        Path distribution = Distribution.copyTo(Files.createDirectories(folder));
        FileTime before = FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS));
        Files.setLastModifiedTime(Files.writeString(distribution.resolve(STALE_ARCHIVE), "made before the last build"), before);
        try (Stream<Path> paths = Files.walk(distribution)) {
            for (Path path : paths.toList()) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "r-xr-xr-x" : "r--r--r--"));
            }
        }
        return distribution;
    }
}
