package io.fieldbench.chat.ui;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;

import io.fieldbench.chat.internal.ShownText;
import io.fieldbench.view.support.StatusLines;
import io.fieldbench.view.support.WrapLayout;

/**
 * The input rows of the chat and TCP client views: the message box and the send buttons, the
 * choice of hex or text in an encoding for what is sent and shown, and below them the one-line
 * answer to the last action. EDT only.
 */
public final class MessageInput extends JPanel {

    private static final int GAP = 6;
    private static final int INPUT_COLUMNS = 40;

    private final JTextField input = new JTextField(INPUT_COLUMNS);
    private final JCheckBox hexIn = new JCheckBox("Hex input");
    private final JCheckBox hexShown = new JCheckBox("Show hex");
    private final JComboBox<String> encoding;
    private final JLabel answer = new JLabel(" ");

    /**
     * @param encodings the encodings offered; any other Java charset may be typed
     * @param initial   the encoding chosen at first
     * @param send      the send buttons, right after the message box
     * @param more      further controls, at the end of the row
     */
    public MessageInput(String[] encodings, String initial, List<? extends JComponent> send,
            List<? extends JComponent> more) {
        super(new BorderLayout());
        encoding = new JComboBox<>(encodings);
        encoding.setEditable(true);
        encoding.setSelectedItem(initial);
        JPanel row = new JPanel(new WrapLayout(GAP));
        row.add(input);
        send.forEach(row::add);
        row.add(hexIn);
        row.add(new JLabel("Encoding"));
        row.add(encoding);
        row.add(hexShown);
        more.forEach(row::add);
        JPanel answerRow = new JPanel(new FlowLayout(FlowLayout.LEFT));
        answerRow.add(answer);
        add(row, BorderLayout.CENTER);
        add(answerRow, BorderLayout.SOUTH);
    }

    /** Runs {@code action} when the user presses Enter in the message box. */
    public void onEnter(Runnable action) {
        input.addActionListener(e -> action.run());
    }

    /** The bytes typed: hex, or text in the encoding; empty, and the reason told, when the hex is not valid. */
    public Optional<byte[]> message() {
        try {
            return Optional.of(hexIn.isSelected() ? ShownText.parseHex(input.getText()) : input.getText().getBytes(charset()));
        } catch (IllegalArgumentException e) {
            tell(e.getMessage());
            return Optional.empty();
        }
    }

    /** Empties the message box once its message is sent. */
    public void sent() {
        input.setText("");
    }

    /** Shows the answer to the last action. */
    public void tell(String text) {
        StatusLines.show(answer, text);
    }

    /** The chosen encoding; UTF-8, and a word about it, when the name typed is no Java charset. */
    public Charset charset() {
        try {
            return Charset.forName(String.valueOf(encoding.getSelectedItem()).trim());
        } catch (RuntimeException e) {
            tell("unknown encoding '" + encoding.getSelectedItem() + "'; using UTF-8");
            return StandardCharsets.UTF_8;
        }
    }

    /** How bytes are shown as chosen now: hex, or text in the encoding (read once: take one per batch of lines). */
    public Function<byte[], String> display() {
        if (hexShown.isSelected()) {
            return ShownText::hex;
        }
        Charset charset = charset();
        return bytes -> ShownText.text(bytes, charset);
    }
}
