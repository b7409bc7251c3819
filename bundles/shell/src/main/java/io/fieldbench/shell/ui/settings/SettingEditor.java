package io.fieldbench.shell.ui.settings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.swing.DefaultComboBoxModel;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JPasswordField;
import javax.swing.JTextField;
import javax.swing.text.JTextComponent;

/** The input component for one {@link SettingField}, chosen by its {@link SettingKind}. Use on the EDT. */
final class SettingEditor {

    /** FlatLaf's client property that draws a component's outline in an error colour. */
    private static final String OUTLINE = "JComponent.outline";
    private static final String OUTLINE_ERROR = "error";
    private static final int TEXT_COLUMNS = 24;

    private final SettingField field;
    private final JComponent component;
    /** For a choice: the value behind each entry of the combo box. */
    private final List<String> choiceValues = new ArrayList<>();
    /** The text shown when the value was loaded: only what differs from it is written back. */
    private String loadedText = "";

    SettingEditor(SettingField field) {
        this.field = field;
        this.component = switch (field.kind()) {
            case BOOLEAN -> new JCheckBox();
            case CHOICE -> new JComboBox<>(new DefaultComboBoxModel<>(field.optionLabels()));
            case PASSWORD -> new JPasswordField(TEXT_COLUMNS);
            default -> new JTextField(TEXT_COLUMNS);
        };
        choiceValues.addAll(Arrays.asList(field.optionValues()));
        component.setName(field.key());
        component.setToolTipText(tooltip());
    }

    SettingField field() {
        return field;
    }

    JComponent component() {
        return component;
    }

    /** The user's input as text, the form {@link SettingField#parse} reads. */
    String text() {
        if (component instanceof JCheckBox box) {
            return String.valueOf(box.isSelected());
        }
        if (component instanceof JComboBox<?> choice) {
            int index = choice.getSelectedIndex();
            return index < 0 ? "" : choiceValues.get(index);
        }
        return ((JTextComponent) component).getText();
    }

    /** Shows a loaded value; {@link #isChanged()} compares against it. */
    void load(String text) {
        if (component instanceof JCheckBox box) {
            box.setSelected(Boolean.parseBoolean(text.trim()));
        } else if (component instanceof JComboBox<?> choice) {
            select(choice, text.trim());
        } else {
            ((JTextComponent) component).setText(text);
        }
        loadedText = text();
        markInvalid(false);
    }

    /** A stored value outside the options (an old or foreign one) is shown as it is rather than lost. */
    @SuppressWarnings("unchecked")
    private void select(JComboBox<?> choice, String value) {
        int index = choiceValues.indexOf(value);
        if (index < 0 && !value.isEmpty()) {
            ((DefaultComboBoxModel<String>) choice.getModel()).addElement(value);
            choiceValues.add(value);
            index = choiceValues.size() - 1;
        }
        choice.setSelectedIndex(index);
    }

    boolean isChanged() {
        return !text().equals(loadedText);
    }

    void markInvalid(boolean invalid) {
        component.putClientProperty(OUTLINE, invalid ? OUTLINE_ERROR : null);
    }

    private String tooltip() {
        String hint = switch (field.kind()) {
            case WHOLE_NUMBER -> "A whole number";
            case DECIMAL_NUMBER -> "A number";
            case LIST -> "Values separated by commas";
            default -> "";
        };
        String description = field.description() == null ? "" : field.description();
        String text = (description + (description.isEmpty() || hint.isEmpty() ? "" : ". ") + hint).trim();
        return text.isEmpty() ? null : text;
    }
}
