package io.fieldbench.shell.ui.settings;

import java.io.IOException;
import java.lang.reflect.Array;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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

import io.fieldbench.api.settings.SettingsFiles;

/**
 * Reads what can be configured (MetaType) and the current configurations (ConfigurationAdmin), and
 * writes changes to the configuration files. Blocking calls: use off the EDT.
 */
final class ComponentSettings {

    /** FileInstall polls etc/ every second; allow for a slow start of the component as well. */
    private static final Duration APPLY_TIMEOUT = Duration.ofSeconds(5);
    private static final long APPLY_POLL_MILLIS = 100;

    private final BundleContext context;
    private final MetaTypeService metaType;
    private final ConfigurationAdmin configurationAdmin;
    private final SettingsFiles settingsFiles;
    private final Logger logger;

    ComponentSettings(BundleContext context, MetaTypeService metaType, ConfigurationAdmin configurationAdmin,
            SettingsFiles settingsFiles, Logger logger) {
        this.context = context;
        this.metaType = metaType;
        this.configurationAdmin = configurationAdmin;
        this.settingsFiles = settingsFiles;
        this.logger = logger;
    }

    /** Every singleton PID a bundle describes, the bench's own first. Factory PIDs are not listed. */
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
        components.sort(ConfigurableComponent.BENCH_FIRST);
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
     * Writes the changes into the component's {@code etc/<pid>.cfg} (the one home of a setting) and
     * waits until the bench has applied the file, so the caller reads back what it wrote.
     */
    void apply(String pid, Map<String, Object> changed, Set<String> removed) throws IOException {
        Map<String, String> text = new HashMap<>();
        changed.forEach((key, value) -> text.put(key, asText(value)));
        settingsFiles.write(pid, text, removed);
        long deadline = System.nanoTime() + APPLY_TIMEOUT.toNanos();
        while (!isApplied(values(pid), text, removed)) {
            if (System.nanoTime() > deadline) {
                throw new IOException("saved to <data>/etc/" + pid + ".cfg, but not applied within " + APPLY_TIMEOUT.toSeconds()
                        + " s; see the Log view");
            }
            try {
                Thread.sleep(APPLY_POLL_MILLIS); // the folder watcher gives no signal to wait on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + pid + " to be applied", e);
            }
        }
    }

    private static boolean isApplied(Map<String, Object> current, Map<String, String> written, Set<String> removed) {
        return written.entrySet().stream().allMatch(e -> e.getValue().equals(asText(current.get(e.getKey()))))
                && removed.stream().noneMatch(current::containsKey);
    }

    /** A value as a .cfg file holds it: lists and arrays comma-separated. */
    static String asText(Object value) {
        if (value == null) {
            return "";
        }
        if (value.getClass().isArray()) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(String.valueOf(Array.get(value, i)));
            }
            return String.join(",", items);
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        return String.valueOf(value);
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
