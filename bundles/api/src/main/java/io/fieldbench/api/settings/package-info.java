/**
 * Settings: every component's configuration lives in one file, {@code etc/<pid>.cfg}.
 */
@Export
@Version("1.2.0")
package io.fieldbench.api.settings;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
