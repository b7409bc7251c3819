/**
 * What the TCP chat server publishes: every message received and sent, and every connection
 * change, through EventAdmin.
 */
@Export
@Version("1.0.0")
package io.fieldbench.api.chat;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
