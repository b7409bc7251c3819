package io.fieldbench.view.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import javax.swing.JTextField;
import javax.swing.text.BadLocationException;

import org.junit.jupiter.api.Test;

class TextChangesTest {

    private final JTextField field = new JTextField();
    private final List<String> seen = new ArrayList<>();

    @Test
    void runsTheActionOnTypingDeletingAndSetting() throws BadLocationException {
        TextChanges.onChange(field, () -> seen.add(field.getText()));

        field.getDocument().insertString(0, "ab", null);
        field.getDocument().remove(1, 1);
        field.setText("xyz");

        // setText replaces: a removal, then an insertion
        assertEquals(List.of("ab", "a", "", "xyz"), seen);
    }
}
