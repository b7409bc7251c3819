package io.fieldbench.imagerelay.ui;

import javax.swing.JButton;

/** Buttons of the view, named so that tests (and readers of the component tree) find them. */
final class Buttons {

    private Buttons() {
    }

    static JButton named(String text, String name, Runnable action) {
        JButton button = new JButton(text);
        button.setName(name);
        button.addActionListener(e -> action.run());
        return button;
    }
}
