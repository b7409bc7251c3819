package io.fieldbench.sim.console;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.fieldbench.sim.DatagramSender;
import io.fieldbench.sim.FrameFormat;
import io.fieldbench.sim.Payload;
import io.fieldbench.sim.Reply;
import io.fieldbench.sim.SimulationPlan;
import io.fieldbench.sim.Target;
import io.fieldbench.sim.internal.SimulatorControl;

/** The {@code sim:} console commands: send a datagram, start, stop and watch the simulator. */
@Component(service = SimCommands.class, property = {
        "osgi.command.scope=sim",
        "osgi.command.function=send",
        "osgi.command.function=start",
        "osgi.command.function=stop",
        "osgi.command.function=status" })
public class SimCommands {

    /** How long {@code sim:send} listens for an echo or ack. */
    static final long REPLY_WAIT_MILLIS = 500;
    /** How long {@code sim:stop} waits for the run to end so it can report the total. */
    private static final long STOP_WAIT_MILLIS = 2_000;

    @Reference
    private SimulatorControl simulator;

    @Descriptor("send one datagram and show the first reply, if one comes within " + REPLY_WAIT_MILLIS + " ms")
    public String send(
            @Descriptor("the bytes are hex digits, such as 01 02 ff") @Parameter(names = "--hex", presentValue = "true", absentValue = "false") boolean hex,
            @Descriptor("text encoding (UTF-8, GBK, ...)") @Parameter(names = "--encoding", absentValue = "UTF-8") String encoding,
            @Descriptor("HOST:PORT") String target,
            @Descriptor("what to send; words are joined with single spaces") String... words)
            throws IOException, InterruptedException {
        Charset charset;
        byte[] payload;
        Target to;
        try {
            charset = Charset.forName(encoding);
            String text = String.join(" ", words);
            payload = hex ? Payload.fromHex(text) : Payload.fromText(text, charset);
            to = Target.parse(target);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return "error: unknown encoding '" + encoding + "'";
        } catch (IllegalArgumentException e) {
            return "error: " + e.getMessage();
        }
        InetSocketAddress address;
        try {
            address = to.resolve();
        } catch (UnknownHostException e) {
            return "error: unknown host '" + to.host() + "'";
        }
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        try (DatagramSender sender = new DatagramSender(reply::complete)) {
            sender.send(address, payload);
            String sent = "sent " + payload.length + " bytes to " + to + " from port " + sender.localPort();
            try {
                Reply first = reply.get(REPLY_WAIT_MILLIS, TimeUnit.MILLISECONDS);
                return sent + "\nreply from " + first.source().getAddress().getHostAddress() + ":" + first.source().getPort()
                        + ": " + Payload.toDisplay(first.payload(), charset);
            } catch (TimeoutException | ExecutionException e) {
                return sent + "\nno reply within " + REPLY_WAIT_MILLIS + " ms";
            }
        }
    }

    @Descriptor("start simulating devices (one run at a time)")
    public String start(@Descriptor("virtual devices") int devices,
            @Descriptor("datagrams per second from all together; 0 for as fast as possible") long rate,
            @Descriptor("text, json or binary") String format,
            @Descriptor("HOST:PORT") String target,
            @Descriptor("how long to run") double seconds) {
        try {
            SimulationPlan plan = new SimulationPlan(devices, rate, FrameFormat.named(format), Target.parse(target),
                    Optional.of(Duration.ofNanos(Math.round(seconds * 1e9))), OptionalLong.empty(), 0);
            simulator.start(plan);
            return "started: " + plan.describe();
        } catch (IllegalArgumentException | IllegalStateException e) {
            return "error: " + e.getMessage();
        }
    }

    @Descriptor("stop the running simulation and show what it sent")
    public String stop() throws InterruptedException {
        if (!simulator.running()) {
            return "no simulation is running";
        }
        simulator.stop();
        simulator.awaitEnd(STOP_WAIT_MILLIS);
        return "stopped; " + simulator.status().describe();
    }

    @Descriptor("what the simulator is doing")
    public String status() {
        return simulator.status().describe();
    }
}
