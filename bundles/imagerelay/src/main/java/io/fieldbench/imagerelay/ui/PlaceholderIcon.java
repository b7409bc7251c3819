package io.fieldbench.imagerelay.ui;

import java.awt.Component;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;

import javax.swing.Icon;
import javax.swing.UIManager;

/** A framed box with a word in it, where a picture is not (yet) there: "loading", "WEBP". */
final class PlaceholderIcon implements Icon {

    private final String text;
    private final int width;
    private final int height;

    PlaceholderIcon(String text, int width, int height) {
        this.text = text;
        this.width = width;
        this.height = height;
    }

    @Override
    public void paintIcon(Component component, Graphics graphics, int x, int y) {
        Graphics2D g = (Graphics2D) graphics.create();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(UIManager.getColor("Label.disabledForeground"));
            g.drawRect(x, y, width - 1, height - 1);
            FontMetrics metrics = g.getFontMetrics(component.getFont());
            g.setFont(component.getFont());
            g.drawString(text, x + Math.max(2, (width - metrics.stringWidth(text)) / 2),
                    y + (height + metrics.getAscent() - metrics.getDescent()) / 2);
        } finally {
            g.dispose();
        }
    }

    @Override
    public int getIconWidth() {
        return width;
    }

    @Override
    public int getIconHeight() {
        return height;
    }
}
