package io.fieldbench.shell.ui.settings;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.osgi.service.metatype.AttributeDefinition;

/**
 * Converts one configuration attribute between the text a user edits and the typed value
 * ConfigurationAdmin stores, following its MetaType definition: numbers must parse, values must
 * pass the definition's own validation, lists are comma separated and stored as arrays (positive
 * cardinality) or lists (negative cardinality).
 */
final class SettingField {

    static final String LIST_SEPARATOR = ",";
    private static final String LIST_JOINER = ", ";

    private final AttributeDefinition attribute;
    private final boolean required;

    SettingField(AttributeDefinition attribute, boolean required) {
        this.attribute = attribute;
        this.required = required;
    }

    String key() {
        return attribute.getID();
    }

    String label() {
        return attribute.getName() == null || attribute.getName().isBlank() ? attribute.getID() : attribute.getName();
    }

    String description() {
        return attribute.getDescription();
    }

    SettingKind kind() {
        return SettingKind.of(attribute);
    }

    boolean required() {
        return required;
    }

    /** The option values and their labels for a {@link SettingKind#CHOICE}; empty arrays otherwise. */
    String[] optionValues() {
        return attribute.getOptionValues() == null ? new String[0] : attribute.getOptionValues();
    }

    String[] optionLabels() {
        String[] labels = attribute.getOptionLabels();
        return labels == null || labels.length != optionValues().length ? optionValues() : labels;
    }

    /** The text for the definition's default value. */
    String defaultText() {
        String[] defaults = attribute.getDefaultValue();
        if (defaults == null || defaults.length == 0) {
            return "";
        }
        return kind() == SettingKind.LIST ? String.join(LIST_JOINER, defaults) : defaults[0];
    }

    /** The text for a stored value: arrays and collections become comma-separated lists. */
    String format(Object value) {
        if (value == null) {
            return defaultText();
        }
        if (value.getClass().isArray()) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(String.valueOf(Array.get(value, i)));
            }
            return String.join(LIST_JOINER, items);
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(String::valueOf).collect(Collectors.joining(LIST_JOINER));
        }
        return String.valueOf(value);
    }

    /**
     * The value to store for this text; {@code null} means remove the key so the default applies
     * (an optional attribute left empty).
     *
     * @throws IllegalArgumentException with a message for the user when the text is not valid
     */
    Object parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (kind() == SettingKind.LIST) {
            return parseList(trimmed);
        }
        if (trimmed.isEmpty() && attribute.getType() != AttributeDefinition.STRING
                && attribute.getType() != AttributeDefinition.PASSWORD) {
            if (required) {
                throw new IllegalArgumentException(label() + " needs a value");
            }
            return null;
        }
        return parseOne(attribute.getType() == AttributeDefinition.STRING
                || attribute.getType() == AttributeDefinition.PASSWORD ? text : trimmed);
    }

    private Object parseList(String text) {
        List<String> items = text.isEmpty() ? List.of()
                : Stream.of(text.split(LIST_SEPARATOR)).map(String::trim).filter(s -> !s.isEmpty()).toList();
        int limit = Math.abs(attribute.getCardinality());
        if (items.size() > limit) {
            throw new IllegalArgumentException(label() + " takes at most " + limit + " values");
        }
        List<Object> values = new ArrayList<>(items.size());
        for (String item : items) {
            values.add(parseOne(item));
        }
        if (attribute.getCardinality() < 0) {
            return values;
        }
        Object array = Array.newInstance(elementType(), values.size());
        for (int i = 0; i < values.size(); i++) {
            Array.set(array, i, values.get(i));
        }
        return array;
    }

    private Object parseOne(String text) {
        Object value;
        try {
            value = switch (attribute.getType()) {
                case AttributeDefinition.LONG -> Long.valueOf(text);
                case AttributeDefinition.INTEGER -> Integer.valueOf(text);
                case AttributeDefinition.SHORT -> Short.valueOf(text);
                case AttributeDefinition.BYTE -> Byte.valueOf(text);
                case AttributeDefinition.DOUBLE -> Double.valueOf(text);
                case AttributeDefinition.FLOAT -> Float.valueOf(text);
                case AttributeDefinition.BOOLEAN -> parseBoolean(text);
                case AttributeDefinition.CHARACTER -> parseCharacter(text);
                default -> text;
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(label() + ": '" + text + "' is not " + expected());
        }
        String problem = attribute.validate(text);
        if (problem != null && !problem.isEmpty()) {
            throw new IllegalArgumentException(label() + ": " + problem);
        }
        String[] options = attribute.getOptionValues();
        if (options != null && options.length > 0 && !Arrays.asList(options).contains(text)) {
            throw new IllegalArgumentException(label() + ": '" + text + "' is not one of " + String.join(LIST_JOINER, options));
        }
        return value;
    }

    private Boolean parseBoolean(String text) {
        if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
            return Boolean.valueOf(text);
        }
        throw new IllegalArgumentException(label() + ": '" + text + "' is not true or false");
    }

    private Character parseCharacter(String text) {
        if (text.length() != 1) {
            throw new IllegalArgumentException(label() + ": '" + text + "' is not a single character");
        }
        return text.charAt(0);
    }

    private String expected() {
        return switch (attribute.getType()) {
            case AttributeDefinition.DOUBLE, AttributeDefinition.FLOAT -> "a number";
            default -> "a whole number in range";
        };
    }

    private Class<?> elementType() {
        return switch (attribute.getType()) {
            case AttributeDefinition.LONG -> Long.class;
            case AttributeDefinition.INTEGER -> Integer.class;
            case AttributeDefinition.SHORT -> Short.class;
            case AttributeDefinition.BYTE -> Byte.class;
            case AttributeDefinition.DOUBLE -> Double.class;
            case AttributeDefinition.FLOAT -> Float.class;
            case AttributeDefinition.BOOLEAN -> Boolean.class;
            case AttributeDefinition.CHARACTER -> Character.class;
            default -> String.class;
        };
    }
}
