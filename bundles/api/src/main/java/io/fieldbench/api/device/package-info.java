/**
 * The device registry: every device that sent something, what, when and how often.
 */
@Export
@Version("1.1.0")
package io.fieldbench.api.device;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
