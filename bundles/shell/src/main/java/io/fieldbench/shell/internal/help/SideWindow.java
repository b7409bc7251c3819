package io.fieldbench.shell.internal.help;

import java.awt.Dimension;
import java.util.function.Supplier;

import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.WindowConstants;

/**
 * A window beside the workbench that does not block it (help stays open while the user works), made
 * on first use and brought to the front after. It closes with the workbench. EDT only.
 */
final class SideWindow {

    private final JFrame owner;
    private final String name;
    private final String title;
    private final Dimension size;
    private final Supplier<JComponent> content;
    private JDialog dialog;

    /** @param name the dialog's component name, by which tests find it */
    SideWindow(JFrame owner, String name, String title, Dimension size, Supplier<JComponent> content) {
        this.owner = owner;
        this.name = name;
        this.title = title;
        this.size = size;
        this.content = content;
    }

    void show() {
        if (dialog == null) {
            dialog = new JDialog(owner, title, false);
            dialog.setName(name);
            dialog.setDefaultCloseOperation(WindowConstants.HIDE_ON_CLOSE);
            dialog.setContentPane(content.get());
            dialog.setSize(Math.min(size.width, owner.getWidth()), Math.min(size.height, owner.getHeight()));
            dialog.setLocationRelativeTo(owner);
        }
        dialog.setVisible(true);
        dialog.toFront();
    }
}
