package io.fieldbench.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    private static final Path DEFAULT_DATA = Path.of("/home/lab/.fieldbench");

    @Test
    void defaultsToWindowSavedFeaturesAndHomeData() throws StartupException {
        LaunchOptions options = LaunchOptions.parse(new String[0], DEFAULT_DATA);

        assertEquals(new LaunchOptions(false, Optional.empty(), DEFAULT_DATA, List.of()), options);
    }

    @Test
    void readsEveryOption() throws StartupException {
        LaunchOptions options = LaunchOptions.parse(new String[] { "--headless", "--features", "udp, chart", "--data", "/tmp/x",
                "--set", "a.b.port=1", "--set", "a.b.host=h" }, DEFAULT_DATA);

        assertTrue(options.headless());
        assertEquals(Optional.of(Set.of("udp", "chart")), options.features());
        assertEquals(Path.of("/tmp/x"), options.data());
        assertEquals(List.of("a.b.port=1", "a.b.host=h"), options.settings());
    }

    @Test
    void optionWithoutValueSaysWhichOne() {
        StartupException e = assertThrows(StartupException.class, () -> LaunchOptions.parse(new String[] { "--data" }, DEFAULT_DATA));

        assertTrue(e.getMessage().startsWith("--data needs a value"), e.getMessage());
    }

    @Test
    void settingWithoutPidIsRejected() {
        assertThrows(StartupException.class, () -> LaunchOptions.parse(new String[] { "--set", "port=1" }, DEFAULT_DATA));
    }
}
