package io.fieldbench.core.deploy;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.log.admin.LoggerAdmin;

/**
 * Lets the framework and the OSGi Log forget a bundle once it is uninstalled, so that a decoder
 * hot-deployed and removed again leaves nothing behind.
 * <p>
 * Two of the bench's libraries keep every uninstalled bundle that had components, and with it the
 * framework's whole record of it (revisions, archive, headers: about 12 KiB a hot deploy):
 * <ul>
 * <li>Felix Log (1.3.0, and its source to date) keeps every logger it hands out, per bundle and
 * name, and never removes one; Felix SCR asks it for two loggers of every bundle with components.
 * No setting avoids it: SCR's {@code ds.log.extension} asks for loggers of SCR's own bundle
 * instead, but then keeps a facade of its own per bundle start, and {@code ds.log.enabled=false}
 * loses SCR's errors.</li>
 * <li>The Felix framework (7.0.5, and its source to date) keeps a bundle's use of a service once
 * released, with a count of zero, until the service goes; SCR gets ConfigurationAdmin with each
 * component bundle's own context, and ConfigurationAdmin stays.</li>
 * </ul>
 * Neither offers a way to remove such an entry, so this removes them from the two private maps
 * when a bundle is uninstalled: its context is gone by then, so nothing can use them again. Should
 * a later version lack a map, this says so in one line and leaves that one alone.
 */
@Component(service = {}, immediate = true)
public class UninstalledBundles implements SynchronousBundleListener {

    /** A map found by reflection, or the reason it was not. */
    @FunctionalInterface
    private interface Lookup {
        BundleKeyedMap find() throws ReflectiveOperationException;
    }

    @Reference
    private LoggerAdmin loggerAdmin;

    @Reference(service = LoggerFactory.class)
    private Logger log;

    private final List<BundleKeyedMap> maps = new ArrayList<>();
    private BundleContext context;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
        Object framework = context.getBundle(Constants.SYSTEM_BUNDLE_ID);
        add("the framework's service usages", () -> new BundleKeyedMap(BundleKeyedMap.at(framework, "m_registry", "m_inUseMap"),
                key -> key));
        add("the OSGi Log's loggers", this::loggers);
        context.addBundleListener(this);
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(this);
    }

    private void add(String what, Lookup lookup) {
        try {
            maps.add(lookup.find());
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Uninstalled bundles stay in memory: {} were not found ({})", what, e.toString());
        }
    }

    /** Felix Log's loggers, keyed by bundle, name and type. */
    private BundleKeyedMap loggers() throws ReflectiveOperationException {
        Class<?> key = Stream.of(loggerAdmin.getClass().getDeclaredClasses()).filter(c -> c.getSimpleName().equals("LoggerKey"))
                .findFirst().orElseThrow(() -> new ClassNotFoundException(loggerAdmin.getClass().getName() + "$LoggerKey"));
        Field bundle = BundleKeyedMap.readable(key, "m_bundle");
        return new BundleKeyedMap(BundleKeyedMap.at(loggerAdmin, "_loggers"), k -> {
            try {
                return bundle.get(k);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e); // cannot happen: the field was made readable
            }
        });
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        if (event.getType() == BundleEvent.UNINSTALLED) {
            maps.forEach(map -> map.forget(event.getBundle()));
        }
    }
}
