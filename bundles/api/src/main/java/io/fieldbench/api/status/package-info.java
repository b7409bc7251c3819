/**
 * Status lines: what a module adds to the bench's {@code fb:status}.
 */
@Export
@Version("1.0.0")
package io.fieldbench.api.status;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
