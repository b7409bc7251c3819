package io.fieldbench.udp.ui;

import java.awt.Component;

import javax.swing.DefaultListCellRenderer;
import javax.swing.JList;

import io.fieldbench.udp.internal.ReplyMode;

/** Shows a reply mode as its setting is written: none, echo, ack. */
final class ReplyModeRenderer extends DefaultListCellRenderer {

    @Override
    public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected, boolean focused) {
        return super.getListCellRendererComponent(list, value instanceof ReplyMode mode ? mode.setting() : "", index,
                selected, focused);
    }
}
