package io.fieldbench.core.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.fieldbench.core.BenchProperties;

/**
 * Hot deploy: makes FileInstall watch the distribution's {@code deploy/} folder, so a bundle jar
 * dropped there starts within about {@value #POLL_MILLIS} ms plus its start-up, and is removed
 * again when its file is deleted.
 * <p>
 * FileInstall's framework properties already make it watch {@code etc/} for configuration. A
 * second folder takes a FileInstall factory configuration; it is made here rather than shipped as
 * a {@code .cfg}, because FileInstall writes configuration back into {@code etc/} and blanks a
 * watcher's own file when it does.
 */
@Component(immediate = true)
public class DeployFolder {

    static final String FILEINSTALL_FACTORY_PID = "org.apache.felix.fileinstall";
    static final String NAME = "deploy";
    static final long POLL_MILLIS = 1000;

    @Reference
    private ConfigurationAdmin configurationAdmin;

    @Activate
    void activate(BundleContext context) throws IOException {
        Path folder = new BenchProperties(context).home().resolve(NAME);
        Files.createDirectories(folder);
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("felix.fileinstall.dir", folder.toString());
        properties.put("felix.fileinstall.poll", Long.toString(POLL_MILLIS));
        properties.put("felix.fileinstall.noInitialDelay", "true");
        properties.put("felix.fileinstall.start.new.bundles", "true");
        properties.put("felix.fileinstall.filter", ".*\\.jar");
        Configuration watcher = configurationAdmin.getFactoryConfiguration(FILEINSTALL_FACTORY_PID, NAME, "?");
        watcher.updateIfDifferent(properties);
    }
}
