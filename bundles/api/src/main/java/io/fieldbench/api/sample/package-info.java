/**
 * What the collector publishes: every datagram received (for the traffic log) and every decoded
 * sample (for the registry, charts and recorder), in batches, through EventAdmin; and how the bench
 * writes an endpoint and the highest port ({@link io.fieldbench.api.sample.Endpoints}).
 */
@Export
@Version("2.1.0")
package io.fieldbench.api.sample;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
