package io.fieldbench.shell.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.swing.JCheckBoxMenuItem;
import javax.swing.JMenu;
import javax.swing.event.MenuEvent;
import javax.swing.event.MenuListener;

import io.github.andrewauclair.moderndocking.api.DockingAPI;

/**
 * The View menu: one entry per present view, by title, ticked when it is open; choosing one shows
 * it. Built on each opening, as views come and go.
 */
final class ViewMenu extends JMenu implements MenuListener {

    private final DockingAPI docking;
    private final Supplier<List<ViewDockable>> views;
    private final Consumer<String> show;

    ViewMenu(DockingAPI docking, Supplier<List<ViewDockable>> views, Consumer<String> show) {
        super("View");
        this.docking = docking;
        this.views = views;
        this.show = show;
        addMenuListener(this);
    }

    @Override
    public void menuSelected(MenuEvent e) {
        removeAll();
        List<ViewDockable> byTitle = new ArrayList<>(views.get());
        byTitle.sort(Comparator.comparing(ViewDockable::getTabText, String.CASE_INSENSITIVE_ORDER));
        for (ViewDockable view : byTitle) {
            JCheckBoxMenuItem item = new JCheckBoxMenuItem(view.getTabText(), docking.isDocked(view));
            item.addActionListener(action -> show.accept(view.getPersistentID()));
            add(item);
        }
    }

    @Override
    public void menuDeselected(MenuEvent e) {
        // built afresh on the next opening
    }

    @Override
    public void menuCanceled(MenuEvent e) {
        // built afresh on the next opening
    }
}
