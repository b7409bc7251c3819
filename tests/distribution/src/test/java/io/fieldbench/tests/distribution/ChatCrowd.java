package io.fieldbench.tests.distribution;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Chat clients of a loopback chat server that echoes each line to its sender, all read on one
 * selector: a few talkers send a line at a steady pace and time its echo; every line the console
 * broadcasts ({@link #broadcastText}) must reach every client once and in order, and is timed from
 * the moment it was made. What goes wrong (a client closed by the server, a broadcast missed, an
 * echo lost or garbled) is added to the soak's errors. Stops by itself at the run's end.
 */
final class ChatCrowd implements AutoCloseable {

    private static final String ECHO = "e ";
    private static final String BROADCAST = "b ";
    private static final String WHAT = "chat";

    /** One client; its line and counts are the reading thread's, read by others once it is quiet. */
    private static final class Client {
        final int number;
        final SocketChannel channel;
        final boolean talker;
        final ByteArrayOutputStream line = new ByteArrayOutputStream();
        volatile long lastBroadcast;
        volatile boolean open = true;

        Client(int number, SocketChannel channel, boolean talker) {
            this.number = number;
            this.channel = channel;
            this.talker = talker;
        }
    }

    private final Selector selector;
    private final List<Client> clients;
    private final SoakErrors errors;
    private final Latencies echoes = new Latencies();
    private final Latencies broadcasts = new Latencies();
    private final AtomicLong echoesSent = new AtomicLong();
    private final AtomicLong echoesBack = new AtomicLong();
    private final Thread reader;
    private Paced talk;
    /** System.nanoTime() at which the crowd stops by itself. */
    private final long end;
    private volatile boolean running = true;

    private ChatCrowd(Selector selector, List<Client> clients, SoakErrors errors, Duration maxRun) {
        this.selector = selector;
        this.clients = clients;
        this.errors = errors;
        this.end = System.nanoTime() + maxRun.toNanos();
        this.reader = new Thread(this::read, "chat crowd");
    }

    /**
     * Connects the clients, the first {@code talkers} of them talking every {@code pace}; the
     * crowd stops reading and talking after {@code maxRun}.
     */
    static ChatCrowd connect(int port, int count, int talkers, Duration pace, Duration maxRun, SoakErrors errors)
            throws IOException, InterruptedException {
        Selector selector = Selector.open();
        ChatCrowd crowd = new ChatCrowd(selector, new ArrayList<>(count), errors, maxRun);
        try {
            for (int i = 0; i < count; i++) {
                SocketChannel channel = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                Client client = new Client(i, channel, i < talkers);
                crowd.clients.add(client);
                channel.configureBlocking(false);
                channel.register(selector, SelectionKey.OP_READ, client);
            }
        } catch (IOException e) {
            crowd.close();
            throw new IOException("connecting chat client " + (crowd.clients.size() + 1) + " of " + count + ": " + e.getMessage(), e);
        }
        crowd.reader.start();
        crowd.talk = Paced.every(WHAT, pace, maxRun, errors, crowd::talk);
        return crowd;
    }

    int size() {
        return clients.size();
    }

    /** The text of broadcast number {@code seq} (1, 2, ...), stamped with the moment it was made. */
    static String broadcastText(long seq) {
        return BROADCAST + seq + " " + System.nanoTime();
    }

    /** Talkers' lines until their echo came back. */
    Latencies echoes() {
        return echoes;
    }

    /** Broadcasts from the moment they were made until a client had one, every client's. */
    Latencies broadcasts() {
        return broadcasts;
    }

    /**
     * Stops talking and waits until every echo is back and every client still connected has
     * broadcast {@code last}; what never came is added to the errors.
     */
    void finish(long last) throws InterruptedException {
        talk.close();
        try {
            Poll.until(() -> echoesBack.get() == echoesSent.get()
                    && clients.stream().allMatch(c -> !c.open || c.lastBroadcast == last), "every echo and broadcast " + last);
        } catch (Exception | AssertionError e) {
            long missed = clients.stream().filter(c -> c.open && c.lastBroadcast != last).count();
            errors.add(WHAT, (echoesSent.get() - echoesBack.get()) + " echoes of " + echoesSent.get() + " never came back; "
                    + missed + " clients never had broadcast " + last);
        }
    }

    private void talk() {
        for (Client client : clients) {
            if (!client.talker || !client.open) {
                continue;
            }
            ByteBuffer line = ByteBuffer.wrap((ECHO + System.nanoTime() + "\n").getBytes(StandardCharsets.US_ASCII));
            try {
                client.channel.write(line);
                if (line.hasRemaining()) {
                    errors.add(WHAT, "talker " + client.number + " could not write a whole line");
                }
                echoesSent.incrementAndGet();
            } catch (IOException e) {
                errors.add(WHAT, "talker " + client.number + ": " + e.getMessage());
            }
        }
    }

    private void read() {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        try {
            while (running && System.nanoTime() < end) {
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    Client client = (Client) key.attachment();
                    buffer.clear();
                    int read = readFrom(client, buffer);
                    if (read < 0) {
                        key.cancel();
                        continue;
                    }
                    for (int i = 0; i < read; i++) {
                        byte b = buffer.get(i);
                        if (b == '\n') {
                            take(client, client.line.toString(StandardCharsets.US_ASCII));
                            client.line.reset();
                        } else {
                            client.line.write(b);
                        }
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            errors.add(WHAT, "the crowd's selector failed: " + e.getMessage());
        }
    }

    /** Reads what a client has; -1 once the server closed it, which is an error during the soak. */
    private int readFrom(Client client, ByteBuffer buffer) {
        try {
            int read = client.channel.read(buffer);
            if (read >= 0) {
                return read;
            }
            errors.add(WHAT, "the server closed client " + client.number);
        } catch (IOException e) {
            errors.add(WHAT, "client " + client.number + ": " + e.getMessage());
        }
        client.open = false;
        return -1;
    }

    private void take(Client client, String line) {
        long now = System.nanoTime();
        String[] words = line.split(" ");
        try {
            if (line.startsWith(ECHO) && client.talker && words.length == 2) {
                echoes.record(now - Long.parseLong(words[1]));
                echoesBack.incrementAndGet();
            } else if (line.startsWith(BROADCAST) && words.length == 3 && Long.parseLong(words[1]) == client.lastBroadcast + 1) {
                broadcasts.record(now - Long.parseLong(words[2]));
                client.lastBroadcast++;
            } else {
                errors.add(WHAT, "client " + client.number + " (after broadcast " + client.lastBroadcast + ") got '" + line + "'");
            }
        } catch (NumberFormatException e) {
            errors.add(WHAT, "client " + client.number + " got '" + line + "'");
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (talk != null) {
            talk.close();
        }
        running = false;
        selector.wakeup();
        reader.join(BenchProcess.DEADLINE.toMillis());
        for (Client client : clients) {
            client.channel.close();
        }
        selector.close();
    }
}
