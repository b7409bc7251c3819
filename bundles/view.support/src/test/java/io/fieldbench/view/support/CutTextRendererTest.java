package io.fieldbench.view.support;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.swing.JComponent;
import javax.swing.JTable;

import org.junit.jupiter.api.Test;

class CutTextRendererTest {

    private static final String ADVICE = "The kernel granted 212992 bytes of the 8388608 asked for the receive buffer;"
            + " raise net.core.rmem_max (sysctl -w net.core.rmem_max=8388608) & restart the collector <now>";

    private static String tooltipIn(int columnWidth, String text) {
        JTable table = new JTable(new Object[][] {{text}}, new Object[] {"Message"});
        table.getColumnModel().getColumn(0).setWidth(columnWidth);
        JComponent cell = (JComponent) new CutTextRenderer().getTableCellRendererComponent(table, text, false, false, 0, 0);
        return cell.getToolTipText();
    }

    @Test
    void aCutMessageShowsAllOfItsTextAsTooltip() {
        String tooltip = tooltipIn(200, ADVICE);

        assertTrue(tooltip != null && tooltip.contains("sysctl -w net.core.rmem_max=8388608) &amp; restart the collector &lt;now&gt;"),
                () -> "the tooltip carries the whole message, escaped: " + tooltip);
    }

    @Test
    void aMessageThatFitsNeedsNoTooltip() {
        assertNull(tooltipIn(2000, ADVICE));
    }
}
