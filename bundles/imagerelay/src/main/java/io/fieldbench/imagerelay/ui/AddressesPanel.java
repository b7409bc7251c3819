package io.fieldbench.imagerelay.ui;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Toolkit;
import java.awt.datatransfer.StringSelection;
import java.util.List;
import java.util.function.Consumer;

import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.ImageIcon;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.ScrollPaneConstants;
import javax.swing.SwingUtilities;
import javax.swing.text.DefaultCaret;

import io.fieldbench.imagerelay.page.PageAddress;

/**
 * The phone page's addresses, one card per interface, one above the other: the URL with its token,
 * a QR code of it, and Copy; and New token, which asks first. Cards are drawn again only when the
 * addresses change. EDT only.
 */
final class AddressesPanel extends JPanel {

    static final String CARD_NAME = "relay-address";
    static final String URL_NAME = "relay-url";
    static final String SCROLL_NAME = "relay-addresses";
    static final String QR_NAME = "relay-qr";
    private static final int CARD_GAP = 12;
    /** Room for a whole QR code, its border and a scrollbar: a clipped code does not scan. */
    private static final int WIDTH = QrCode.SIZE_PIXELS + 48;

    private final RelayTasks tasks;
    private final Consumer<String> say;
    private final JPanel cards = new JPanel();
    private List<PageAddress> shown;

    AddressesPanel(RelayTasks tasks, Consumer<String> say) {
        super(new BorderLayout());
        this.tasks = tasks;
        this.say = say;
        setBorder(BorderFactory.createTitledBorder("Open on a phone"));
        JButton newToken = Buttons.named("New token", "relay-new-token", this::regenerateToken);
        newToken.setToolTipText("Pages opened with the old address can no longer connect; connected clients stay");
        JLabel hint = new JLabel("<html>Scan a code with a phone's camera, or open the address (same network).</html>");
        JPanel header = new JPanel(new BorderLayout(0, 4));
        header.add(hint, BorderLayout.CENTER);
        header.add(newToken, BorderLayout.SOUTH);
        cards.setLayout(new BoxLayout(cards, BoxLayout.Y_AXIS));
        JScrollPane scroll = new JScrollPane(cards, ScrollPaneConstants.VERTICAL_SCROLLBAR_AS_NEEDED,
                ScrollPaneConstants.HORIZONTAL_SCROLLBAR_NEVER);
        scroll.setName(SCROLL_NAME);
        scroll.setBorder(BorderFactory.createEmptyBorder());
        add(header, BorderLayout.NORTH);
        add(scroll, BorderLayout.CENTER);
        show(List.of());
    }

    @Override
    public Dimension getPreferredSize() {
        return new Dimension(WIDTH, super.getPreferredSize().height);
    }

    @Override
    public Dimension getMinimumSize() {
        return new Dimension(WIDTH, super.getMinimumSize().height);
    }

    void show(List<PageAddress> addresses) {
        if (addresses.equals(shown)) {
            return;
        }
        shown = addresses;
        cards.removeAll();
        if (addresses.isEmpty()) {
            cards.add(new JLabel("<html>No address while the relay does not listen.</html>"));
        }
        for (PageAddress address : addresses) {
            cards.add(card(address));
            cards.add(Box.createVerticalStrut(CARD_GAP));
        }
        cards.revalidate();
        cards.repaint();
    }

    private JComponent card(PageAddress address) {
        JPanel card = new JPanel();
        card.setName(CARD_NAME);
        card.setLayout(new BoxLayout(card, BoxLayout.Y_AXIS));
        JLabel qr = qrCode(address.url());
        // one line, never broken inside the token: it scrolls, the tooltip and Copy give it whole
        JTextField url = new JTextField(address.url());
        url.setName(URL_NAME);
        url.setEditable(false);
        url.setToolTipText(address.url());
        url.setCaretPosition(0);
        // a caret that follows the text would scroll the list to this card as it is drawn
        ((DefaultCaret) url.getCaret()).setUpdatePolicy(DefaultCaret.NEVER_UPDATE);
        url.setMaximumSize(new Dimension(QrCode.SIZE_PIXELS, url.getPreferredSize().height));
        JButton copy = Buttons.named("Copy", "relay-copy", () -> {
            Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new StringSelection(address.url()), null);
            say.accept("copied " + address.url());
        });
        for (JComponent part : List.of(new JLabel(address.interfaceName()), qr, url, copy)) {
            part.setAlignmentX(Component.LEFT_ALIGNMENT);
            card.add(part);
        }
        return card;
    }

    private static JLabel qrCode(String url) {
        JLabel qr;
        try {
            qr = new JLabel(new ImageIcon(QrCode.of(url)));
        } catch (IllegalArgumentException e) {
            qr = new JLabel("<html>" + e.getMessage() + "</html>");
        }
        qr.setName(QR_NAME);
        return qr;
    }

    private void regenerateToken() {
        int answer = JOptionPane.showConfirmDialog(this,
                "Make a new pairing token?\nPhones must open the new address or scan the new code to connect;"
                        + " clients connected now stay connected.",
                "New token", JOptionPane.OK_CANCEL_OPTION, JOptionPane.QUESTION_MESSAGE);
        if (answer == JOptionPane.OK_OPTION) {
            tasks.regenerateToken().whenComplete((done, failure) -> SwingUtilities.invokeLater(() -> say.accept(
                    failure == null ? "new token: the addresses changed" : "no new token: " + FailureText.of(failure))));
        }
    }
}
