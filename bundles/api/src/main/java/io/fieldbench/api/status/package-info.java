/**
 * Status lines: what a module adds to the bench's {@code fb:status}, and what it says to the
 * person at a headless bench's console.
 */
@Export
@Version("1.1.0")
package io.fieldbench.api.status;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
