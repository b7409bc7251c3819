/**
 * What the bench's servers (chat, image relay) have in common in their events: how clients are named.
 */
@Export
@Version("1.0.0")
package io.fieldbench.api.server;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
