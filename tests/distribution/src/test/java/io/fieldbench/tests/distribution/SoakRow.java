package io.fieldbench.tests.distribution;

import io.fieldbench.tests.distribution.Latencies.Window;

/**
 * One minute of the soak: the bench's figures at its end, read from outside its JVM, and what the
 * load saw during it.
 *
 * @param minute     minutes since the load began (0: before it)
 * @param residentKiB the bench's resident memory ({@code VmRSS}), read before the full GC of {@code figures}
 * @param figures    threads, open files, ports, live heap after a full GC, bundle class loaders
 * @param echo       chat lines until their echo came back
 * @param broadcast  console broadcasts until each chat client had them
 * @param files      passes over the shared files, downloaded and checked
 * @param upload     photos until the relay said it stored them
 * @param udp        datagrams from receipt at the collector to delivery to the sample consumers (the probe's)
 * @param datagrams  datagrams the collector received
 * @param lost       datagrams dropped in the collector's queue or by the kernel, or not decoded
 * @param errors     errors of the load and lines on the bench's standard error
 */
record SoakRow(int minute, long residentKiB, ProcessFigures figures, Window echo, Window broadcast, Window files, Window upload,
        Window udp, long datagrams, long lost, long errors) {
}
