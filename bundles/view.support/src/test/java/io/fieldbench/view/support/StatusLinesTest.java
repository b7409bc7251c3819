package io.fieldbench.view.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import javax.swing.JLabel;
import javax.swing.SwingUtilities;

import org.junit.jupiter.api.Test;

class StatusLinesTest {

    @Test
    void aLineThatAppearsOrGrowsKeepsTheHeightAndItsTooltipHasItWhole() throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            JLabel state = new JLabel();
            JLabel note = new JLabel("");
            StatusLines lines = new StatusLines(state, note);
            int empty = lines.getPreferredSize().height;

            String longer = "running on 127.0.0.1:8080 · 12 clients · a note long enough to be cut in a narrow view";
            StatusLines.show(note, longer);
            StatusLines.show(state, "running");

            assertEquals(empty, lines.getPreferredSize().height, "no control under the lines moves");
            assertEquals(longer, note.getToolTipText());
            StatusLines.show(note, "");
            assertNull(note.getToolTipText());
            assertEquals(empty, lines.getPreferredSize().height);
        });
    }
}
