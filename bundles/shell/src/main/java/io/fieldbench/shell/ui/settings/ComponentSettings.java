package io.fieldbench.shell.ui.settings;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.log.Logger;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * Reads what can be configured (MetaType) and the current configurations (ConfigurationAdmin), and
 * writes changes back. Blocking calls: use off the EDT.
 */
final class ComponentSettings {

    /** Binds a new configuration to whichever bundle uses the PID, not to the shell. */
    private static final String ANY_LOCATION = "?";

    private final BundleContext context;
    private final MetaTypeService metaType;
    private final ConfigurationAdmin configurationAdmin;
    private final Logger logger;

    ComponentSettings(BundleContext context, MetaTypeService metaType, ConfigurationAdmin configurationAdmin,
            Logger logger) {
        this.context = context;
        this.metaType = metaType;
        this.configurationAdmin = configurationAdmin;
        this.logger = logger;
    }

    /** Every singleton PID a bundle describes, by name. Factory PIDs are not listed. */
    List<ConfigurableComponent> components() {
        List<ConfigurableComponent> components = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getState() == Bundle.UNINSTALLED) {
                continue;
            }
            try {
                MetaTypeInformation information = metaType.getMetaTypeInformation(bundle);
                if (information == null || information.getPids() == null) {
                    continue;
                }
                for (String pid : information.getPids()) {
                    ObjectClassDefinition definition = information.getObjectClassDefinition(pid, null);
                    if (definition != null) {
                        components.add(ConfigurableComponent.of(pid, bundle.getSymbolicName(), definition));
                    }
                }
            } catch (RuntimeException e) {
                // one bundle with broken metadata must not hide the others
                logger.warn("Cannot read the MetaType of bundle {}", bundle.getSymbolicName(), e);
            }
        }
        components.sort(Comparator.comparing(ConfigurableComponent::name, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(ConfigurableComponent::pid));
        return components;
    }

    /** The stored configuration of a PID; empty when there is none and the defaults apply. */
    Map<String, Object> values(String pid) throws IOException {
        Configuration configuration = existing(pid);
        Dictionary<String, Object> properties = configuration == null ? null : configuration.getProperties();
        Map<String, Object> values = new HashMap<>();
        if (properties != null) {
            for (String key : Collections.list(properties.keys())) {
                values.put(key, properties.get(key));
            }
        }
        return values;
    }

    /**
     * Writes changed values over the stored configuration, keeping the keys the form does not
     * show (such as the name of the {@code etc/} file it came from).
     */
    void apply(String pid, Map<String, Object> changed, Set<String> removed) throws IOException {
        Configuration configuration = existing(pid);
        if (configuration == null) {
            configuration = configurationAdmin.getConfiguration(pid, ANY_LOCATION);
        }
        Dictionary<String, Object> properties = configuration.getProperties();
        Dictionary<String, Object> updated = new Hashtable<>();
        if (properties != null) {
            for (String key : Collections.list(properties.keys())) {
                updated.put(key, properties.get(key));
            }
        }
        removed.forEach(updated::remove);
        changed.forEach(updated::put);
        configuration.update(updated);
    }

    private Configuration existing(String pid) throws IOException {
        try {
            Configuration[] found = configurationAdmin.listConfigurations(
                    "(" + Constants.SERVICE_PID + "=" + escape(pid) + ")");
            return found == null || found.length == 0 ? null : found[0];
        } catch (InvalidSyntaxException e) {
            throw new IOException("Not a valid PID: " + pid, e);
        }
    }

    /** LDAP filter escaping, RFC 1960: PIDs are usually dotted names, but nothing forbids the rest. */
    private static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '(' || c == ')' || c == '*') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
