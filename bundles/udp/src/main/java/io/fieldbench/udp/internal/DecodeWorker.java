package io.fieldbench.udp.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.osgi.service.log.Logger;

import io.fieldbench.support.DaemonThreads;
import io.fieldbench.udp.internal.DatagramDecoding.Outcome;

/**
 * The decode thread: takes datagrams from the {@link DecodeQueue}, decodes them, hands them to
 * the {@link BatchPublisher}, and once a second updates the rates and the kernel's drop count.
 * <p>
 * Decoding runs here, not on the Netty I/O thread: a decoder is foreign code and may be slow, and
 * a slow I/O thread lets the kernel drop datagrams uncounted by us. One thread keeps datagrams and
 * samples in receive order; a queue that overflows is counted.
 */
final class DecodeWorker implements Runnable {

    /** Datagrams taken from the queue at a time. */
    static final int DRAIN_BATCH = 1_024;

    private final EndpointDevices endpoints = new EndpointDevices();
    private final DecodeQueue queue;
    private final DecoderShelf decoders;
    private final Supplier<CollectorSettings> settings;
    private final BatchPublisher publisher;
    private final CollectorCounters counters;
    private final RateMeter rates;
    private final KernelDrops kernelDrops;
    private final Logger log;
    private final Set<String> faultyDecoders = new HashSet<>();
    private volatile boolean running = true;
    private Thread thread;

    DecodeWorker(DecodeQueue queue, DecoderShelf decoders, Supplier<CollectorSettings> settings, BatchPublisher publisher,
            CollectorCounters counters, RateMeter rates, KernelDrops kernelDrops, Logger log) {
        this.queue = queue;
        this.decoders = decoders;
        this.settings = settings;
        this.publisher = publisher;
        this.counters = counters;
        this.rates = rates;
        this.kernelDrops = kernelDrops;
        this.log = log;
    }

    void start() {
        thread = DaemonThreads.start("fieldbench-udp-decode", this);
    }

    /** Decodes and publishes what is still queued, then ends. */
    void stop() throws InterruptedException {
        running = false;
        thread.join(TimeUnit.SECONDS.toMillis(5));
    }

    @Override
    public void run() {
        List<RawDatagram> batch = new ArrayList<>(DRAIN_BATCH);
        try {
            while (running || queue.size() > 0) {
                RawDatagram first = queue.poll(publisher.nanosUntilDue(System.nanoTime()), TimeUnit.NANOSECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, DRAIN_BATCH - 1);
                    decode(batch);
                    batch.clear();
                }
                long now = System.nanoTime();
                publisher.flushIfDue(now);
                meter(now);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            publisher.flush();
        }
    }

    private void decode(List<RawDatagram> batch) {
        CollectorSettings current = settings.get();
        List<DecoderShelf.ShelvedDecoder> ranked = decoders.ranked();
        long drained = System.nanoTime(); // once per batch, not per datagram: a batch decodes in about a millisecond
        for (RawDatagram raw : batch) {
            Outcome outcome = DatagramDecoding.decode(raw, ranked, current, endpoints::deviceAt);
            outcome.sample().ifPresent(endpoints::heard);
            if (outcome.failed()) {
                counters.decodeFailed();
            }
            outcome.fault().ifPresent(fault -> {
                if (faultyDecoders.add(fault.decoder())) {
                    log.warn("Decoder {} failed; its datagrams are counted as decode errors and shown raw: {}",
                            fault.decoder(), fault.reason());
                }
            });
            publisher.add(outcome.datagram(), outcome.sample().orElse(null), drained);
        }
    }

    private void meter(long now) {
        CollectorCounters.Totals totals = counters.totals(-1);
        if (rates.sample(totals.datagrams(), totals.bytes(), now)) {
            kernelDrops.refresh();
        }
    }
}
