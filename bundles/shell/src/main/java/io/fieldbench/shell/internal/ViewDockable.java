package io.fieldbench.shell.internal;

import java.awt.BorderLayout;
import java.awt.Dimension;

import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingConstants;

import io.fieldbench.api.workbench.WorkbenchView;
import io.github.andrewauclair.moderndocking.Dockable;

/**
 * The dockable frame around one view. It exists before its view does when the saved layout has a
 * place for a view whose bundle has not started yet: then it holds a placeholder until the view
 * arrives or the shell gives up on it.
 */
final class ViewDockable extends JPanel implements Dockable {

    /**
     * The least room a view asks for. Split panes honour their children's minimum sizes, and a
     * view whose controls want a wide row would otherwise squeeze its neighbours to slivers.
     */
    static final Dimension MINIMUM_SIZE = new Dimension(160, 100);

    private final String id;
    private String title;
    private DockPosition position;
    private WorkbenchView view;

    /** A frame waiting for the view with this id; the title is the one remembered in the layout. */
    ViewDockable(String id, String rememberedTitle) {
        super(new BorderLayout());
        this.id = id;
        this.title = rememberedTitle == null || rememberedTitle.isBlank() ? id : rememberedTitle;
        this.position = DockPosition.CENTER;
        JLabel waiting = new JLabel("Waiting for " + title + "…", SwingConstants.CENTER);
        waiting.setEnabled(false);
        add(waiting, BorderLayout.CENTER);
    }

    /** Puts the view's component in, replacing a placeholder. Call on the EDT. */
    void attach(WorkbenchView view, DockPosition position, JComponent component) {
        this.view = view;
        this.position = position;
        this.title = view.title();
        component.setName(id);
        removeAll();
        add(component, BorderLayout.CENTER);
        revalidate();
        repaint();
    }

    @Override
    public Dimension getMinimumSize() {
        return isMinimumSizeSet() ? super.getMinimumSize() : MINIMUM_SIZE;
    }

    /** Lets go of the view's component so that it and its bundle's classes can be collected. */
    void detach() {
        view = null;
        removeAll();
    }

    boolean isWaiting() {
        return view == null;
    }

    WorkbenchView view() {
        return view;
    }

    DockPosition position() {
        return position;
    }

    @Override
    public String getPersistentID() {
        return id;
    }

    @Override
    public String getTabText() {
        return title;
    }

    /** A view may fill the window for a while (its header's Maximize) and go back to its place. */
    @Override
    public boolean isMinMaxAllowed() {
        return true;
    }

    /** Views scroll what needs scrolling themselves; a wrapping scroll pane gives charts scrollbars. */
    @Override
    public boolean isWrappableInScrollpane() {
        return false;
    }
}
