package io.fieldbench.shell.ui.settings;

import org.osgi.service.metatype.AttributeDefinition;

/** Which editor a configuration attribute gets, from its MetaType type, cardinality and options. */
enum SettingKind {
    /** Free text. */
    TEXT,
    /** Text that is not shown. */
    PASSWORD,
    /** A whole number (byte, short, integer, long), validated as typed. */
    WHOLE_NUMBER,
    /** A decimal number (float, double), validated as typed. */
    DECIMAL_NUMBER,
    /** A check box. */
    BOOLEAN,
    /** One of the attribute's option values, from a combo box. */
    CHOICE,
    /** Several values, comma separated. */
    LIST;

    static SettingKind of(AttributeDefinition attribute) {
        if (attribute.getCardinality() != 0) {
            return LIST;
        }
        String[] options = attribute.getOptionValues();
        if (options != null && options.length > 0) {
            return CHOICE;
        }
        return switch (attribute.getType()) {
            case AttributeDefinition.BOOLEAN -> BOOLEAN;
            case AttributeDefinition.PASSWORD -> PASSWORD;
            case AttributeDefinition.BYTE, AttributeDefinition.SHORT, AttributeDefinition.INTEGER,
                    AttributeDefinition.LONG -> WHOLE_NUMBER;
            case AttributeDefinition.FLOAT, AttributeDefinition.DOUBLE -> DECIMAL_NUMBER;
            default -> TEXT;
        };
    }
}
