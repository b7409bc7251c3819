package io.fieldbench.shell.ui.settings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * A configuration PID that some bundle describes with MetaType.
 *
 * @param pid    the configuration PID
 * @param name   the definition's name, for people
 * @param bundle the symbolic name of the bundle that describes it
 */
record ConfigurableComponent(String pid, String name, String description, String bundle, List<SettingField> fields) {

    /** The bench's own components first, then the framework's (Felix internals), each by name. */
    static final Comparator<ConfigurableComponent> BENCH_FIRST =
            Comparator.comparing((ConfigurableComponent c) -> !c.isBenchOwn())
                    .thenComparing(ConfigurableComponent::name, String.CASE_INSENSITIVE_ORDER)
                    .thenComparing(ConfigurableComponent::pid);

    private static final String BENCH_PID_PREFIX = "io.fieldbench.";

    ConfigurableComponent {
        fields = List.copyOf(fields);
    }

    static ConfigurableComponent of(String pid, String bundle, ObjectClassDefinition definition) {
        List<SettingField> fields = new ArrayList<>();
        addFields(fields, definition.getAttributeDefinitions(ObjectClassDefinition.REQUIRED), true);
        addFields(fields, definition.getAttributeDefinitions(ObjectClassDefinition.OPTIONAL), false);
        String name = definition.getName() == null || definition.getName().isBlank() ? pid : definition.getName();
        return new ConfigurableComponent(pid, name, definition.getDescription(), bundle, fields);
    }

    private static void addFields(List<SettingField> fields, AttributeDefinition[] attributes, boolean required) {
        if (attributes != null) {
            for (AttributeDefinition attribute : attributes) {
                fields.add(new SettingField(attribute, required));
            }
        }
    }

    boolean isBenchOwn() {
        return pid.startsWith(BENCH_PID_PREFIX);
    }

    @Override
    public String toString() {
        return name;
    }
}
