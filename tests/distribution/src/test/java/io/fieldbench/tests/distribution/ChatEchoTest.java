package io.fieldbench.tests.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.Charset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The chat server's echo setting, which the chat benchmark relies on: each line comes back to its
 * sender only, framed, in the bytes it was sent (GBK stays GBK). Connections go to 127.0.0.1 only.
 */
class ChatEchoTest {

    private static final String PID = "io.fieldbench.chat";
    private static final int SOCKET_TIMEOUT_MILLIS = 10_000;

    @RegisterExtension
    final HeadlessBench headless = new HeadlessBench();

    @Test
    void echoSendsEachLineBackToItsSenderOnly() throws Exception {
        BenchProcess bench = headless.startServer("chat", PID, 0, "framing=line", "echo=true");
        int port = bench.awaitListening("chat:status");
        Socket sender = client(port);
        Socket other = client(port);

        byte[] gbk = "回声 echo\r\n".getBytes(Charset.forName("GBK"));
        sender.getOutputStream().write(gbk);
        other.getOutputStream().write("second\n".getBytes(Charset.forName("GBK")));

        // CRLF is cut off by the line framing, LF put back by the echo
        assertEquals("回声 echo", new String(readLine(sender.getInputStream()), Charset.forName("GBK")));
        assertEquals("second", new String(readLine(other.getInputStream()), Charset.forName("GBK")));
        OutputStream out = sender.getOutputStream();
        out.write("again\n".getBytes(Charset.forName("GBK")));
        assertEquals("again", new String(readLine(sender.getInputStream()), Charset.forName("GBK")),
                "the sender gets its next echo, not the other client's line");
    }

    private Socket client(int port) throws Exception {
        Socket socket = headless.closeAfter(new Socket());
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), SOCKET_TIMEOUT_MILLIS);
        socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
        return socket;
    }

    private static byte[] readLine(InputStream in) throws Exception {
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        for (int b; (b = in.read()) != '\n';) {
            if (b < 0) {
                throw new AssertionError("the stream ended after " + line.size() + " bytes");
            }
            line.write(b);
        }
        return line.toByteArray();
    }
}
