package io.fieldbench.api.workbench;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The running workbench window, registered by the shell while it shows a window.
 * Views reference it to exist only where there is a window to dock in.
 */
@ProviderType
public interface Workbench {

    /** Shows the view with this {@link WorkbenchView#id() id}, docking it if it is closed; unknown ids are ignored. */
    void showView(String viewId);
}
