/**
 * Features: named groups of bundles that lab staff switch on and off at run time.
 */
@Export
@Version("2.1.0")
package io.fieldbench.api.feature;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
