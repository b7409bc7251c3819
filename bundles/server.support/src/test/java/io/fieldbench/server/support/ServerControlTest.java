package io.fieldbench.server.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.fieldbench.api.sample.Endpoints;
import io.fieldbench.server.support.ServerControl.State;

/** The lifecycle every server shares, on real loopback sockets: start, stop, reconfigure. */
@Timeout(30)
class ServerControlTest {

    private static final String PID = "io.fieldbench.test";
    private static final long ANSWER_SECONDS = 10;

    private final RecordingBinding binding = new RecordingBinding();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final BindProblem bindProblem = new BindProblem("TCP", PID);
    private final ServerControl<LoopbackSocket> control = new ServerControl<>("test server", bindProblem, binding::listener,
            binding, errors::add);

    @AfterEach
    void deactivate() throws InterruptedException {
        assertTrue(control.deactivate(), "the socket closed in time");
    }

    @Test
    void startsStopsAndStartsAgainOnTheControlThread() throws Exception {
        answer(control.start());

        assertEquals(State.RUNNING, control.state());
        LoopbackSocket open = control.socket();
        assertNotNull(open);
        assertEquals("fieldbench-test-server-control", open.openedOn);
        int port = open.localAddress().getPort();
        try (SocketChannel client = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
            assertTrue(client.isConnected());
        }

        answer(control.stop());

        assertEquals(State.STOPPED, control.state());
        assertNull(control.socket());
        assertEquals(List.of(open), binding.closed);
        assertEquals("127.0.0.1:" + port, binding.closedEndpoints.get(0));
        try (ServerSocketChannel again = ServerSocketChannel.open()) {
            again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)); // the port is free at once
        }

        answer(control.start());

        assertEquals(State.RUNNING, control.state());
        assertEquals(2, binding.opened.size());
        assertNotSame(open, control.socket());
        assertEquals("", control.problem());
        assertEquals(List.of(), errors);
    }

    @Test
    void aStartThatListensAlreadyKeepsItsSocket() throws Exception {
        answer(control.start());
        LoopbackSocket open = control.socket();

        answer(control.start());

        assertEquals(List.of(open), binding.opened);
    }

    @Test
    void aPortInUseIsOneLineAndLeavesTheServerStopped() throws Exception {
        try (ServerSocketChannel other = ServerSocketChannel.open()) {
            other.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int taken = ((InetSocketAddress) other.getLocalAddress()).getPort();
            binding.port = taken;

            answer(control.start());

            String expected = "TCP port " + taken + " is in use by another program: stop it or choose another port in"
                    + " Settings / <data>/etc/" + PID + ".cfg";
            assertEquals(State.STOPPED, control.state());
            assertEquals(expected, control.problem());
            assertEquals(List.of(expected), errors);
            assertNull(control.socket());
            assertEquals(List.of(), binding.opened);
            assertEquals("stopped: " + expected, ServerControl.headline(control.state(), control.endpoint(), control.problem()));
        }
    }

    @Test
    void aPortOutOfRangeIsRefusedBeforeBinding() throws Exception {
        binding.port = 70_000;

        answer(control.start());

        assertEquals(State.STOPPED, control.state());
        assertEquals("Cannot listen on TCP 127.0.0.1:70000: port 70000 is not between 0 and 65535; check the settings in"
                + " Settings / <data>/etc/" + PID + ".cfg", control.problem());
        assertEquals(0, binding.openCalls);
    }

    @Test
    void aStopClearsTheProblem() throws Exception {
        binding.port = -1;
        answer(control.start());
        assertTrue(control.problem().contains("port -1"), control.problem());

        answer(control.stop());

        assertEquals("", control.problem());
        assertEquals(State.STOPPED, control.state());
    }

    @Test
    void activationListensWhenEnabled() throws Exception {
        control.activate();
        settled();

        assertEquals(State.RUNNING, control.state());
        assertEquals(1, binding.opened.size());
    }

    @Test
    void activationAfterAStageBindsAtOnceAndServesOnlyOnceItCompletes() throws Exception {
        CompletableFuture<Void> ready = new CompletableFuture<>();

        control.activateAfter(ready);
        settled();
        assertEquals(1, binding.openCalls, "bound before the stage completed");
        assertEquals(State.WAITING, control.state());
        assertEquals(List.of(), binding.opened, "not serving before the stage completed");
        assertEquals("starting: bound on " + control.endpoint() + ", reads once the other features have started",
                ServerControl.headline(control.state(), control.endpoint(), control.problem()));

        ready.complete(null);
        settled();
        assertEquals(State.RUNNING, control.state());
        assertEquals(1, binding.opened.size());
    }

    @Test
    void activationAfterAStageSaysAPortInUseAtOnce() throws Exception {
        try (ServerSocketChannel other = ServerSocketChannel.open()) {
            other.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            binding.port = ((InetSocketAddress) other.getLocalAddress()).getPort();

            control.activateAfter(new CompletableFuture<>());
            settled();

            assertEquals(State.STOPPED, control.state());
            assertTrue(control.problem().contains("in use"), control.problem());
        }
    }

    @Test
    void aStopWhileWaitingKeepsTheServerStopped() throws Exception {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        control.activateAfter(ready);

        answer(control.stop());

        assertStaysStoppedOnceCompleted(ready);
    }

    @Test
    void activationAfterAStageWhenDisabledStaysStopped() throws Exception {
        binding.enabled = false;
        CompletableFuture<Void> ready = new CompletableFuture<>();

        control.activateAfter(ready);

        assertEquals(State.STOPPED, control.state(), "not waiting");
        assertStaysStoppedOnceCompleted(ready);
    }

    private void assertStaysStoppedOnceCompleted(CompletableFuture<Void> ready) throws Exception {
        ready.complete(null);
        settled();
        assertEquals(State.STOPPED, control.state());
        assertEquals(List.of(), binding.opened, "never served");
    }

    @Test
    void activationAfterAFailedStageListensToo() throws Exception {
        control.activateAfter(CompletableFuture.failedFuture(new IllegalStateException("features failed")));
        settled();

        assertEquals(State.RUNNING, control.state());
    }

    @Test
    void activationWhenDisabledStaysStopped() throws Exception {
        binding.enabled = false;

        control.activate();
        settled();

        assertEquals(State.STOPPED, control.state());
        assertEquals(0, binding.openCalls);
    }

    @Test
    void flippingEnabledStartsAndStops() throws Exception {
        binding.enabled = false;
        control.activate();

        binding.enabled = true;
        control.reconfigure(false, false);
        settled();

        assertEquals(State.RUNNING, control.state());
        assertEquals(1, binding.opened.size());

        binding.enabled = false;
        control.reconfigure(true, false);
        settled();

        assertEquals(State.STOPPED, control.state());
        assertEquals(binding.opened, binding.closed);
    }

    @Test
    void aChangedSocketRebindsWhereItListensAndNowhereElse() throws Exception {
        control.activate();
        settled();
        LoopbackSocket first = control.socket();

        control.reconfigure(true, false); // something else changed: the socket stays
        settled();
        assertEquals(List.of(first), binding.opened);

        control.reconfigure(true, true);
        settled();

        assertEquals(List.of(first), binding.closed);
        assertEquals(2, binding.opened.size());
        assertEquals(State.RUNNING, control.state());

        answer(control.stop());
        control.reconfigure(true, true); // stopped by the user, without a problem: stays stopped
        settled();
        assertEquals(State.STOPPED, control.state());
        assertEquals(2, binding.opened.size());
    }

    @Test
    void aChangedSocketRetriesAfterABindFailure() throws Exception {
        try (ServerSocketChannel other = ServerSocketChannel.open()) {
            other.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            binding.port = ((InetSocketAddress) other.getLocalAddress()).getPort();
            control.activate();
            settled();
            assertEquals(State.STOPPED, control.state());

            binding.port = 0;
            control.reconfigure(true, true);
            settled();

            assertEquals(State.RUNNING, control.state());
            assertEquals("", control.problem());
        }
    }

    @Test
    void aFailingTaskIsSaidAndFailsItsFuture() {
        CompletableFuture<Object> failing = control.submit(() -> {
            throw new IOException("disk gone");
        });

        ExecutionException failure = assertThrows(ExecutionException.class, () -> failing.get(ANSWER_SECONDS, TimeUnit.SECONDS));
        assertInstanceOf(IOException.class, failure.getCause());
        assertEquals(List.of("The test server failed to change state: java.io.IOException: disk gone"), errors);
    }

    @Test
    void afterDeactivationTheSocketIsClosedAndRequestsFailCleanly() throws Exception {
        answer(control.start());
        int port = control.socket().localAddress().getPort();

        assertTrue(control.deactivate(), "closed in time");

        assertEquals(State.STOPPED, control.state());
        assertEquals(1, binding.closed.size());
        try (ServerSocketChannel again = ServerSocketChannel.open()) {
            again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        }
        for (CompletableFuture<?> late : List.of(control.submit(() -> "late"), control.start(), control.stop())) {
            ExecutionException failure = assertThrows(ExecutionException.class, () -> late.get(ANSWER_SECONDS, TimeUnit.SECONDS));
            assertInstanceOf(IllegalStateException.class, failure.getCause());
            assertEquals("the test server is shutting down", failure.getCause().getMessage());
        }
        control.reconfigure(true, true); // ignored, no exception
        assertEquals(1, binding.opened.size());
    }

    @Test
    void theEndpointIsWhereItListensOrWhereItIsSetToListen() throws Exception {
        binding.bindAddress = "0.0.0.0";
        binding.port = 8080;
        assertEquals("0.0.0.0:8080", control.endpoint());
        assertEquals("stopped (set to listen on 0.0.0.0:8080)",
                ServerControl.headline(control.state(), control.endpoint(), control.problem()));
        binding.bindAddress = "::";
        assertEquals("[::]:8080", control.endpoint());

        binding.bindAddress = "127.0.0.1";
        binding.port = 0;
        answer(control.start());
        int port = control.socket().localAddress().getPort();
        assertEquals("127.0.0.1:" + port, control.endpoint());
        assertEquals("running on 127.0.0.1:" + port, ServerControl.headline(control.state(), control.endpoint(), ""));

        assertEquals("[0:0:0:0:0:0:0:1]:80", Endpoints.of(new InetSocketAddress(InetAddress.getByName("::1"), 80)));
        assertEquals("[fe80:0:0:0:0:0:0:1]:80", Endpoints.of(new InetSocketAddress(
                Inet6Address.getByAddress(null, InetAddress.getByName("fe80::1").getAddress(), 2), 80)), "no scope id");
        assertEquals("10.0.0.7:9999", Endpoints.of(new InetSocketAddress(InetAddress.getByName("10.0.0.7"), 9999)));
        assertEquals("starting on [::]:1", ServerControl.headline(State.STARTING, "[::]:1", ""));
        assertEquals("stopping", ServerControl.headline(State.STOPPING, "[::]:1", ""));
    }

    /** Waits until every request made before has run on the control thread. */
    private void settled() throws Exception {
        answer(control.submit(() -> null));
    }

    private static <T> T answer(CompletableFuture<T> future) throws Exception {
        return future.get(ANSWER_SECONDS, TimeUnit.SECONDS);
    }

    /** Settings a test changes, and what the control did with them. */
    private static final class RecordingBinding implements ServerControl.Binding<LoopbackSocket> {

        volatile boolean enabled = true;
        volatile String bindAddress = "127.0.0.1";
        volatile int port;
        volatile int openCalls;
        final List<LoopbackSocket> opened = new CopyOnWriteArrayList<>();
        final List<LoopbackSocket> closed = new CopyOnWriteArrayList<>();
        final List<String> closedEndpoints = new CopyOnWriteArrayList<>();

        ListenerSettings listener() {
            return new ListenerSettings(enabled, bindAddress, port);
        }

        @Override
        public LoopbackSocket open(InetSocketAddress endpoint) throws IOException {
            openCalls++;
            return new LoopbackSocket(endpoint);
        }

        @Override
        public void opened(LoopbackSocket socket) {
            opened.add(socket);
        }

        @Override
        public void closed(LoopbackSocket socket, InetSocketAddress endpoint) {
            closed.add(socket);
            closedEndpoints.add(Endpoints.of(endpoint));
        }
    }

    /** A real listening TCP socket on loopback, and the thread that opened it. */
    private static final class LoopbackSocket implements ServerControl.Socket {

        final String openedOn = Thread.currentThread().getName();
        private final ServerSocketChannel channel;
        private final InetSocketAddress address;

        LoopbackSocket(InetSocketAddress endpoint) throws IOException {
            channel = ServerSocketChannel.open();
            try {
                channel.bind(endpoint);
                address = (InetSocketAddress) channel.getLocalAddress();
            } catch (IOException e) {
                channel.close();
                throw e;
            }
        }

        @Override
        public InetSocketAddress localAddress() {
            return address;
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
