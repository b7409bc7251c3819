/**
 * The decoder SPI: turns the bytes of one datagram into a device id and named channel values.
 * Integrators implement {@link io.fieldbench.api.decoder.Decoder} in a bundle of their own and
 * register it as a service; the UDP collector picks it up while it runs.
 */
@Export
@Version("1.0.0")
package io.fieldbench.api.decoder;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
