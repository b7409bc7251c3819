package io.fieldbench.tests.distribution;

import java.io.IOException;
import java.time.Duration;

/**
 * A phone on the image relay's WebSocket sending small photos at a steady pace, each one new, and
 * waiting for the bench's {@code stored} answer to each: the time from sending to that answer is
 * timed; a refusal, a repeat or no answer is an error. Loopback only; stops by itself.
 */
final class PhoneUploads implements AutoCloseable {

    private static final String WHAT = "uploads";
    /** A photo's thumbnail: a few KiB of JPEG. */
    private static final int SIDE = 48;

    private final WebSocketPeer phone;
    private final Latencies stored = new Latencies();
    private final Paced loop;
    private long sent;

    private PhoneUploads(WebSocketPeer phone, Duration pace, Duration maxRun, SoakErrors errors) {
        this.phone = phone;
        this.loop = Paced.every(WHAT, pace, maxRun, errors, this::upload);
    }

    /** Connects to the relay at this loopback port with the pairing token and uploads every {@code pace} for at most {@code maxRun}. */
    static PhoneUploads start(int port, String token, Duration pace, Duration maxRun, SoakErrors errors) throws InterruptedException {
        WebSocketPeer phone = WebSocketPeer.connect(port, token);
        String hello = phone.nextText();
        if (!hello.contains("\"type\":\"hello\"")) {
            phone.close();
            throw new AssertionError("the relay greeted with " + hello);
        }
        return new PhoneUploads(phone, pace, maxRun, errors);
    }

    /** Each upload from its first byte sent until the relay said it stored it. */
    Latencies stored() {
        return stored;
    }

    private void upload() throws IOException, InterruptedException {
        String name = "soak-" + ++sent + ".jpg";
        byte[] photo = ImageRelayTest.noiseJpeg(SIDE, SIDE, sent); // new noise each time: the relay keeps each one
        long start = System.nanoTime();
        phone.sendImage(name, "image/jpeg", photo);
        String answer = phone.nextText();
        if (!answer.startsWith("{\"type\":\"stored\"") || !answer.contains("\"name\":\"" + name + "\"")
                || !answer.contains("\"duplicate\":false")) {
            throw new IOException(name + " was answered " + answer);
        }
        stored.record(System.nanoTime() - start);
    }

    @Override
    public void close() throws InterruptedException {
        loop.close();
        phone.close();
    }
}
