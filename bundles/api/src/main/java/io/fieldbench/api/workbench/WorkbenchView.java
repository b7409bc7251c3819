package io.fieldbench.api.workbench;

import javax.swing.JComponent;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A dockable view contributed to the workbench (whiteboard pattern): register it as a service
 * and the shell docks it; unregister it and the shell closes it.
 * <p>
 * The shell calls {@link #createComponent()} on the Swing event dispatch thread, once per
 * registration; the component must not block that thread.
 */
@ConsumerType
public interface WorkbenchView {

    /** Service property naming where the view docks first: {@code center}, {@code west}, {@code east} or {@code south}. */
    String DOCK_POSITION = "fieldbench.view.position";

    /** A stable identifier, used to remember the view's place across restarts. */
    String id();

    /** The title of the view's tab. */
    String title();

    /** Builds the view's component; called on the event dispatch thread. */
    JComponent createComponent();
}
