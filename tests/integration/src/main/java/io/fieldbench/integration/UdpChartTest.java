package io.fieldbench.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.swing.JComponent;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;

import io.fieldbench.api.workbench.Workbench;

/**
 * Samples sent through a real socket reach the chart: the real UDP collector (configured through
 * ConfigurationAdmin to a free loopback port) receives {@code id=…,seq=N,temp=V} datagrams, the
 * real text decoder decodes them, and the checked channel of a chart view holds exactly the values
 * sent, in order. Asserts on the chart's dataset, not pixels. Needs a display.
 */
@ExtendWith(NeedsDisplay.class)
class UdpChartTest {

    private static final long SERVICE_TIMEOUT_MILLIS = 10_000;
    /** The UDP collector's configuration pid (bundles/udp). */
    private static final String UDP_PID = "io.fieldbench.udp";
    private static final String LOOPBACK = "127.0.0.1";
    private static final String CHANNEL = "temp";
    private static final int FRAMES = 150;

    @InjectService(timeout = SERVICE_TIMEOUT_MILLIS)
    ConfigurationAdmin configurations;

    @InjectService(timeout = SERVICE_TIMEOUT_MILLIS)
    Workbench workbench;

    private final ConfigurationChanges settings = new ConfigurationChanges();

    @AfterEach
    void putTheCollectorBack() {
        settings.putBack();
    }

    @Test
    void datagramsSentToTheCollectorShowInTheChartWithTheirValues() throws IOException {
        int port = freeUdpPort();
        listenOn(port);
        String device = "dev-" + UUID.randomUUID().toString().substring(0, 8);

        try (DatagramSocket sender = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            InetAddress collector = InetAddress.getByName(LOOPBACK);
            for (int seq = 0; seq < FRAMES; seq++) {
                byte[] frame = ("id=" + device + ",seq=" + seq + "," + CHANNEL + "=" + value(seq))
                        .getBytes(StandardCharsets.UTF_8);
                sender.send(new DatagramPacket(frame, frame.length, collector, port));
            }
        }

        JComponent chart = ChartViewTest.chart(workbench, ChartViewTest.FIRST_CHART);
        ChartViewTest.check(chart, device, CHANNEL);
        String label = device + " / " + CHANNEL;
        Poll.until("the chart draws the " + FRAMES + " values sent by " + device,
                () -> ChartViewTest.drawn(chart, label).size() >= FRAMES);
        List<double[]> points = ChartViewTest.drawn(chart, label);
        assertEquals(FRAMES, points.size(), "points drawn for " + label);
        for (int seq = 0; seq < FRAMES; seq++) {
            assertEquals(value(seq), points.get(seq)[1], "value of frame " + seq);
        }
        for (int i = 1; i < FRAMES; i++) {
            assertEquals(true, points.get(i)[0] >= points.get(i - 1)[0], "receive times run backwards at " + i);
        }
    }

    /** Values with a fraction that text survives exactly, none repeating. */
    private static double value(int seq) {
        return 20 + seq * 0.25;
    }

    /** Points the collector at the port on loopback and waits until it holds the port. */
    private void listenOn(int port) throws IOException {
        settings.set(configurations, UDP_PID, Map.of("enabled", true, "bind.address", LOOPBACK, "port", port));
        Poll.until("the UDP collector listens on " + LOOPBACK + ":" + port, () -> bound(port));
    }

    /** Whether someone holds the port: a socket of our own cannot bind it then. */
    private static boolean bound(int port) {
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(LOOPBACK, port))) {
            return false;
        } catch (BindException e) {
            return true;
        } catch (SocketException e) {
            return false;
        }
    }

    private static int freeUdpPort() throws SocketException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            return socket.getLocalPort();
        }
    }
}
