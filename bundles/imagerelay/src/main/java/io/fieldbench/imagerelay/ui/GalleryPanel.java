package io.fieldbench.imagerelay.ui;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import javax.swing.BorderFactory;
import javax.swing.DefaultListCellRenderer;
import javax.swing.DefaultListModel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.ListSelectionModel;

import io.fieldbench.imagerelay.store.StoredImage;
import io.fieldbench.support.ByteSize;

/**
 * The kept images, newest first, as thumbnails with name, size and sender. The selection is the
 * image the viewer shows; while the newest is selected (or none), a new arrival is selected in its
 * place, so the viewer follows what comes in. EDT only.
 */
final class GalleryPanel extends JPanel {

    static final String LIST_NAME = "relay-gallery";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    private static final int CELL_PADDING = 8;
    private static final int PREFERRED_WIDTH = 280;
    /** A thumbnail and the start of its name. */
    private static final int MINIMUM_WIDTH = 220;

    private final DefaultListModel<StoredImage> images = new DefaultListModel<>();
    private final JList<StoredImage> list = new JList<>(images);
    private final Consumer<StoredImage> selected;
    private boolean replacing;
    private List<StoredImage> shown = List.of();

    GalleryPanel(Executor decoder, Consumer<StoredImage> selected) {
        super(new BorderLayout());
        this.selected = selected;
        setBorder(BorderFactory.createTitledBorder("Gallery, newest first"));
        list.setName(LIST_NAME);
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.setFixedCellHeight(ThumbnailCache.BOX + CELL_PADDING);
        list.setCellRenderer(new ThumbnailRenderer(new ThumbnailCache(decoder, list::repaint)));
        list.addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting() && !replacing) {
                selected.accept(list.getSelectedValue());
            }
        });
        JScrollPane scroll = new JScrollPane(list);
        scroll.setPreferredSize(new Dimension(PREFERRED_WIDTH, scroll.getPreferredSize().height));
        scroll.setMinimumSize(new Dimension(MINIMUM_WIDTH, 0));
        add(scroll, BorderLayout.CENTER);
    }

    void show(List<StoredImage> now) {
        if (now.equals(shown)) {
            return;
        }
        shown = now;
        StoredImage was = list.getSelectedValue();
        boolean followNewest = was == null || list.getSelectedIndex() == 0;
        replacing = true;  // the selection empties and comes back: the viewer hears only of the outcome
        try {
            images.clear();
            images.addAll(now);
            int index = followNewest ? (now.isEmpty() ? -1 : 0) : now.indexOf(was);
            if (index >= 0) {
                list.setSelectedIndex(index);
                list.ensureIndexIsVisible(index);
            }
        } finally {
            replacing = false;
        }
        selected.accept(list.getSelectedValue());
    }

    StoredImage selected() {
        return list.getSelectedValue();
    }

    /**
     * Selects the image {@code step} places further down the list (older), or up (newer) when
     * negative, wrapping around at either end as people expect of previous/next.
     */
    void move(int step) {
        if (!images.isEmpty()) {
            int from = list.getSelectedIndex() < 0 ? (step > 0 ? -1 : 0) : list.getSelectedIndex();
            int index = Math.floorMod(from + step, images.size());
            list.setSelectedIndex(index);
            list.ensureIndexIsVisible(index);
        }
    }

    private static final class ThumbnailRenderer extends DefaultListCellRenderer {
        private final ThumbnailCache thumbnails;

        ThumbnailRenderer(ThumbnailCache thumbnails) {
            this.thumbnails = thumbnails;
        }

        @Override
        public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected, boolean focus) {
            super.getListCellRendererComponent(list, "", index, selected, focus);
            StoredImage image = (StoredImage) value;
            setIcon(thumbnails.icon(image));
            setIconTextGap(CELL_PADDING);
            setText("<html><b>" + escape(image.name()) + "</b><br>" + image.width() + " × " + image.height() + " · "
                    + ByteSize.of(image.size()) + "<br>from " + escape(image.sender()) + "<br>" + WHEN.format(image.time())
                    + "</html>");
            return this;
        }

        private static String escape(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }
    }
}
