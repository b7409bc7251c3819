package io.fieldbench.core.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.fieldbench.api.settings.SettingsFiles;
import io.fieldbench.core.BenchProperties;

/**
 * The user's settings folder, {@code <data>/etc/}, which FileInstall watches and applies to ConfigAdmin.
 * FileInstall's own write-back of ConfigAdmin changes is off: it races with its reading and can
 * blank a file. Everything that changes a setting writes the file instead.
 */
@Component
public class EtcSettingsFiles implements SettingsFiles {

    private Path etc;

    @Activate
    void activate(BundleContext context) {
        etc = new BenchProperties(context).settings();
    }

    @Override
    public void write(String pid, Map<String, String> values, Set<String> removed) throws IOException {
        if (pid.isBlank() || pid.contains("/") || pid.contains("\\") || pid.startsWith(".")) {
            throw new IOException("'" + pid + "' is not a configuration PID");
        }
        ConfigFile.update(etc.resolve(pid + ".cfg"), values, removed);
    }
}
