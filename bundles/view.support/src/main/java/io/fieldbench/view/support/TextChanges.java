package io.fieldbench.view.support;

import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.text.JTextComponent;

/** Runs one action on every change of a text field's text (typed, deleted or set), e.g. to refilter as the user types. */
public final class TextChanges {

    private TextChanges() {
    }

    /** From now on, runs {@code action} on the EDT after each change of {@code field}'s text. */
    public static void onChange(JTextComponent field, Runnable action) {
        field.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                action.run();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                action.run();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                action.run();
            }
        });
    }
}
