/**
 * What the image relay publishes: connections, images received, sent and relayed, and refusals,
 * through EventAdmin.
 */
@Export
@Version("1.0.0")
package io.fieldbench.api.imagerelay;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
