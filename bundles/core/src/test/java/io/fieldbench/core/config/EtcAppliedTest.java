package io.fieldbench.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class EtcAppliedTest {

    @TempDir
    Path home;

    /** The felix.fileinstall.filename of each configuration, as FileInstall writes it. */
    private final List<String> sources = new CopyOnWriteArrayList<>();
    private final List<String> filters = new CopyOnWriteArrayList<>();

    @Test
    void aFileIsAppliedOnceAConfigurationNamesItAsFileInstallWritesIt() throws IOException {
        Path etc = Files.createDirectories(home.resolve("etc"));
        Path udp = Files.writeString(etc.resolve("io.fieldbench.udp.cfg"), "port = 9000\n");
        Files.writeString(etc.resolve("io.fieldbench.chart.cfg"), "# every key commented\n");
        Files.writeString(etc.resolve("io.fieldbench.decoder.binary-gps.cfg"), "fields = lat:f32@0\n");
        Files.writeString(etc.resolve("README.txt"), "not a settings file");
        Files.writeString(etc.resolve("io.fieldbench.udp.cfg123.tmp"), "half written");
        Files.createDirectories(etc.resolve("old.cfg"));
        EtcApplied applied = new EtcApplied(etc, configurationAdmin());

        assertEquals(Set.of("io.fieldbench.chart.cfg", "io.fieldbench.decoder.binary-gps.cfg", "io.fieldbench.udp.cfg"),
                applied.unapplied());

        sources.add(fileInstallKey(udp));
        sources.add(fileInstallKey(etc.resolve("io.fieldbench.chart.cfg")));
        sources.add(fileInstallKey(home.resolve("elsewhere/io.fieldbench.decoder.binary-gps.cfg")));
        assertEquals(Set.of("io.fieldbench.decoder.binary-gps.cfg"), applied.unapplied());
        assertEquals(List.of("(felix.fileinstall.filename=*)"), filters.subList(0, 1));

        sources.add(fileInstallKey(etc.resolve("io.fieldbench.decoder.binary-gps.cfg")));
        assertEquals(Set.of(), applied.unapplied());
    }

    @Test
    void filesAreComparedByTheirRealPathThroughASymbolicLink() throws IOException {
        Path real = Files.createDirectories(home.resolve("real/etc"));
        Path link = Files.createSymbolicLink(home.resolve("link"), home.resolve("real"));
        Files.writeString(real.resolve("io.fieldbench.chat.cfg"), "port = 0\n");
        sources.add(fileInstallKey(real.resolve("io.fieldbench.chat.cfg")));

        assertEquals(Set.of(), new EtcApplied(link.resolve("etc"), configurationAdmin()).unapplied());
    }

    @Test
    void noFolderIsNothingToWaitFor() throws InterruptedException {
        EtcApplied applied = new EtcApplied(home.resolve("etc"), configurationAdmin());

        assertEquals(Set.of(), applied.await(Duration.ofSeconds(10)));
    }

    @Test
    void awaitReturnsOnceFileInstallAppliedTheFiles() throws Exception {
        Path etc = Files.createDirectories(home.resolve("etc"));
        Path files = Files.writeString(etc.resolve("io.fieldbench.files.cfg"), "enabled = false\n");
        EtcApplied applied = new EtcApplied(etc, configurationAdmin());

        CompletableFuture<Set<String>> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return applied.await(Duration.ofSeconds(15));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        // FileInstall's first pass, once the wait has looked at least once
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (filters.isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertTrue(!filters.isEmpty() && !waiting.isDone(), "the wait looked, and goes on while the file is not applied");
        sources.add(fileInstallKey(files));

        assertEquals(Set.of(), waiting.get(10, TimeUnit.SECONDS));
    }

    @Test
    void awaitGivesUpAtItsDeadlineNamingTheFilesNotApplied() throws IOException, InterruptedException {
        Path etc = Files.createDirectories(home.resolve("etc"));
        Files.writeString(etc.resolve("io.fieldbench.never.cfg"), "port = 1\n");
        long started = System.nanoTime();

        Set<String> unapplied = new EtcApplied(etc, configurationAdmin()).await(Duration.ofMillis(300));

        assertEquals(Set.of("io.fieldbench.never.cfg"), unapplied);
        assertTrue(System.nanoTime() - started >= TimeUnit.MILLISECONDS.toNanos(300), "waited its time");
    }

    /** How FileInstall names the source of a configuration: the URL of the absolute file. */
    private static String fileInstallKey(Path file) {
        return file.toFile().getAbsoluteFile().toURI().toString();
    }

    /** A ConfigurationAdmin that lists one configuration per source, as the filter asks. */
    private ConfigurationAdmin configurationAdmin() {
        return proxy(ConfigurationAdmin.class, (method, args) -> {
            if (!method.equals("listConfigurations")) {
                throw new UnsupportedOperationException(method);
            }
            filters.add((String) args[0]);
            return sources.isEmpty() ? null : sources.stream().map(EtcAppliedTest::configuration).toArray(Configuration[]::new);
        });
    }

    private static Configuration configuration(String source) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(EtcApplied.SOURCE, source);
        properties.put("service.pid", "some.pid");
        return proxy(Configuration.class, (method, args) -> {
            if (!method.equals("getProperties")) {
                throw new UnsupportedOperationException(method);
            }
            return properties;
        });
    }

    private interface Answer {
        Object answer(String method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> answer.answer(method.getName(), args)));
    }
}
