package io.fieldbench.tests.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The headless bench as a user runs it: {@code fieldbench --headless --data DIR}, console on a pipe. */
class HeadlessBenchTest {

    /** The exit code of a JVM ended by SIGTERM (128 + 15). */
    private static final int SIGTERM_EXIT = 143;

    @RegisterExtension
    final HeadlessBench headless = new HeadlessBench();

    private BenchProcess bench;

    /**
     * Less than any machine grants: a kernel that grants less than the collector asks for is
     * rightly warned about on stderr, but that is not what this test is about.
     */
    private static final String MODEST_RECEIVE_BUFFER = "io.fieldbench.udp.receive.buffer=65536";

    @Test
    void answersFeaturesAndBundleListOnAPipe() throws Exception {
        bench = headless.start("--set", MODEST_RECEIVE_BUFFER);

        bench.send("fb:features");
        String core = bench.awaitLine(line -> line.startsWith("core "), "listing the core feature");
        bench.askUntil("fb:features", line -> line.matches("udp +enabled +(\\d+)/\\1 .*"),
                "every bundle of udp running, its native epoll fragment (never active) attached");
        bench.send("lb");
        bench.awaitLine(line -> line.contains("Fieldbench Core"), "listing the core bundle");

        bench.send("fb:shutdown");
        bench.awaitExit();
        assertTrue(core.contains("enabled"), core);
        assertTrue(bench.errors().isEmpty(), "a healthy bench prints nothing on stderr: " + bench.errors());
    }

    @Test
    void hotDeploysABundleAndItsConfiguration() throws Exception {
        bench = headless.start();

        Files.copy(Distribution.probeJar(), headless.home().resolve("deploy/probe.jar"));
        bench.askUntil("probe:greeting", "hello"::equals, "the probe's default greeting");

        Files.writeString(headless.settingsFile("io.fieldbench.probe"), "greeting = changed\n");
        bench.askUntil("probe:greeting", "changed"::equals, "the greeting from etc/");

        Files.delete(headless.home().resolve("deploy/probe.jar"));
        bench.askUntil("probe:greeting", line -> line.contains("not found"), "that the command is gone");
    }

    @Test
    void setOptionWritesTheSettingWhereTheBenchReadsIt() throws Exception {
        Files.copy(Distribution.probeJar(), headless.home().resolve("deploy/probe.jar"));

        bench = headless.start("--set", "io.fieldbench.probe.greeting=from the command line");

        bench.askUntil("probe:greeting", "from the command line"::equals, "the greeting given with --set");
        String file = Files.readString(headless.settingsFile("io.fieldbench.probe"));
        assertTrue(file.contains("greeting = from the command line"), file);
    }

    @Test
    void settingsOfOneDataFolderNeverReachABenchWithAnother() throws Exception {
        Files.copy(Distribution.probeJar(), headless.home().resolve("deploy/probe.jar"));
        bench = headless.start("--set", "io.fieldbench.probe.greeting=only for the first bench");
        bench.askUntil("probe:greeting", "only for the first bench"::equals, "the first bench's own greeting");
        bench.send("fb:shutdown");
        bench.awaitExit();

        Path otherData = headless.data().resolveSibling("other-data");
        try (BenchProcess other = BenchProcess.start(headless.home(), Map.of(), "--headless", "--data", otherData.toString())) {
            other.awaitLine(line -> line.startsWith("Fieldbench started in"), "announcing the start");
            other.askUntil("probe:greeting", "hello"::equals, "the default greeting in a bench with another data folder");
        }
        assertFalse(Files.exists(headless.home().resolve("etc/io.fieldbench.probe.cfg")), "nothing written into the distribution");
        assertTrue(Files.exists(otherData.resolve("etc/io.fieldbench.udp.cfg")), "a new data folder starts with the commented settings files");
    }

    @Test
    void keepsRunningWhenInputEndsAndStopsCleanlyOnSigterm() throws Exception {
        bench = headless.start();
        Path log = headless.data().resolve("log/fieldbench.log");

        bench.closeInput();
        Poll.until(() -> Files.readString(log).contains("Console input ended"), "the log saying the console input ended");
        assertTrue(bench.isAlive(), "end of input must not stop a headless bench");

        bench.terminate();
        bench.awaitLine("Fieldbench stopped"::equals, "confirming that every bundle stopped");
        assertEquals(SIGTERM_EXIT, bench.awaitExit());
    }

    @Test
    void shutdownCommandExitsWithSuccess() throws Exception {
        bench = headless.start();

        bench.send("fb:shutdown");

        bench.awaitLine("Fieldbench stopped"::equals, "confirming that every bundle stopped");
        assertEquals(0, bench.awaitExit());
    }

    @Test
    void aRestartOnTheKeptCacheStartsOnlyTheFeaturesChosenNow() throws Exception {
        bench = headless.start();
        bench.askUntil("chat:status", line -> line.startsWith("running"), "the chat server of a bench with every feature");
        bench.send("fb:shutdown");
        bench.awaitExit();
        assertTrue(Files.exists(headless.data().resolve("cache/distribution.stamp")), "the cache is kept for the next start");

        bench = headless.start("--features", "udp");

        bench.askUntil("udp:status", line -> line.startsWith("running"), "the collector chosen now");
        bench.askUntil("chat:status", line -> line.contains("not found"), "no chat server: its bundle is not started again");
    }

    @Test
    void switchesAFeatureAtRunTimeAndRemembersTheChoice() throws Exception {
        Files.writeString(headless.home().resolve("features/probe.xml"), """
                <features name="probe" xmlns="http://karaf.apache.org/xmlns/features/v1.6.0">
                  <feature name="probe" description="The test probe"><bundle>%s</bundle></feature>
                </features>
                """.formatted(Distribution.probeJar().toUri()));
        bench = headless.start("--features", "core");
        bench.send("probe:greeting");
        bench.awaitLine(line -> line.contains("not found"), "that the probe is off");

        bench.send("fb:enable probe");
        bench.awaitLine("enabled probe"::equals, "confirming the switch");
        bench.askUntil("probe:greeting", "hello"::equals, "the probe's greeting");
        bench.send("fb:shutdown");
        bench.awaitExit();
        bench = headless.start();

        bench.askUntil("probe:greeting", "hello"::equals, "the probe's greeting after a restart");
        bench.send("fb:disable probe");
        bench.awaitLine("disabled probe"::equals, "confirming the switch");
        bench.askUntil("probe:greeting", line -> line.contains("not found"), "that the probe stopped");
    }

    @Test
    void refusesToSwitchTheBenchItselfOrAnUnknownFeature() throws Exception {
        bench = headless.start();

        bench.send("fb:disable core");
        bench.awaitLine(line -> line.startsWith("error: feature 'core' is part of the bench"), "refusing to disable core");
        bench.send("fb:enable nope");
        bench.awaitLine(line -> line.startsWith("error: unknown feature 'nope'"), "naming the unknown feature");
    }
}
