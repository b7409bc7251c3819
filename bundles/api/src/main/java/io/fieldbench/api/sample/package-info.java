/**
 * What the collector publishes: every datagram received (for the traffic log) and every decoded
 * sample (for the registry, charts and recorder), in batches, through EventAdmin.
 */
@Export
@Version("2.0.0")
package io.fieldbench.api.sample;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
