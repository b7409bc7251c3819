package io.fieldbench.shell.ui.settings;

import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextArea;

import io.fieldbench.shell.ui.WidthTrackingPanel;

/**
 * The generated form for one configurable component: a label and an editor per attribute. It
 * follows the width of its view, so editors shrink rather than scroll sideways. Use on the EDT.
 */
final class SettingsForm extends WidthTrackingPanel {

    private static final int GAP = 4;

    private final ConfigurableComponent component;
    private final List<SettingEditor> editors = new ArrayList<>();

    /** What the form holds after {@link #collect()}: values to write, keys to remove, problems found. */
    record Changes(Map<String, Object> changed, Set<String> removed, List<String> problems) {
    }

    SettingsForm(ConfigurableComponent component, Map<String, Object> values) {
        super(true);
        setLayout(new GridBagLayout());
        this.component = component;
        setName("settings:" + component.pid());
        int row = 0;
        row = addHeading(row);
        for (SettingField field : component.fields()) {
            SettingEditor editor = new SettingEditor(field);
            editors.add(editor);
            JLabel label = new JLabel(field.label() + (field.required() ? " *" : ""));
            label.setLabelFor(editor.component());
            label.setToolTipText(field.key());
            add(label, at(0, row, GridBagConstraints.NONE, 0));
            add(editor.component(), at(1, row, GridBagConstraints.HORIZONTAL, 1));
            row++;
        }
        GridBagConstraints filler = at(0, row, GridBagConstraints.BOTH, 1);
        filler.weighty = 1;
        filler.gridwidth = 2;
        add(new JPanel(), filler);
        show(values);
    }

    private int addHeading(int row) {
        JLabel pid = new JLabel(component.pid() + "  (" + component.bundle() + ")");
        pid.setEnabled(false);
        GridBagConstraints c = at(0, row, GridBagConstraints.HORIZONTAL, 1);
        c.gridwidth = 2;
        add(pid, c);
        if (component.description() != null && !component.description().isBlank()) {
            JTextArea description = new JTextArea(component.description());
            description.setEditable(false);
            description.setLineWrap(true);
            description.setWrapStyleWord(true);
            description.setOpaque(false);
            GridBagConstraints d = at(0, row + 1, GridBagConstraints.HORIZONTAL, 1);
            d.gridwidth = 2;
            add(description, d);
            return row + 2;
        }
        return row + 1;
    }

    private static GridBagConstraints at(int x, int y, int fill, double weightx) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = x;
        c.gridy = y;
        c.fill = fill;
        c.weightx = weightx;
        c.anchor = GridBagConstraints.LINE_START;
        c.insets = new Insets(GAP, GAP, GAP, GAP);
        return c;
    }

    String pid() {
        return component.pid();
    }

    /** Shows stored values; attributes without one show their default. */
    void show(Map<String, Object> values) {
        for (SettingEditor editor : editors) {
            editor.load(editor.field().format(values.get(editor.field().key())));
        }
    }

    /**
     * Reads and validates the editors the user changed, marking the invalid ones. Untouched values
     * are left alone: a default stays a default instead of becoming a stored value.
     */
    Changes collect() {
        Map<String, Object> changed = new HashMap<>();
        Set<String> removed = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (SettingEditor editor : editors) {
            SettingField field = editor.field();
            if (!editor.isChanged()) {
                editor.markInvalid(false);
                continue;
            }
            try {
                Object value = field.parse(editor.text());
                if (value == null) {
                    removed.add(field.key());
                } else {
                    changed.put(field.key(), value);
                }
                editor.markInvalid(false);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
                editor.markInvalid(true);
            }
        }
        return new Changes(changed, removed, problems);
    }
}
