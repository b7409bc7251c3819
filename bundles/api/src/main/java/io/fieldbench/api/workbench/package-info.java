/**
 * The contract between the Swing shell and the views that bundles contribute.
 * <p>
 * A view is a Declarative Services component that provides {@link io.fieldbench.api.workbench.WorkbenchView}
 * and holds a mandatory reference to {@link io.fieldbench.api.workbench.Workbench}. Only the shell
 * registers a {@code Workbench}, so on a headless bench no view activates and no Swing class is loaded.
 */
@Export
@Version("1.0.0")
package io.fieldbench.api.workbench;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
