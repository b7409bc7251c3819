package io.fieldbench.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClosedViewsReaderTest {

    @Test
    void readsOnlyTheViewsInTheUndockedSection(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("layout.xml");
        Files.writeString(file, """
                <?xml version="1.0" ?>
                <app-layout>
                <layout main-frame="true" location="0,0" size="800,600" state="0">
                <westToolbar></westToolbar><eastToolbar></eastToolbar><southToolbar></southToolbar>
                <simple persistentID="modules" class-name="x" title-text="Modules" tab-text="Modules"><properties/></simple>
                </layout>
                <undocked>
                <simple persistentID="settings" class-name="x" title-text="Settings" tab-text="Settings"><properties/></simple>
                <simple persistentID="chart" class-name="x" title-text="Chart" tab-text="Chart"><properties/></simple>
                </undocked>
                </app-layout>
                """);

        Set<String> closed = ClosedViewsReader.read(file);

        assertEquals(Set.of("settings", "chart"), closed);
    }
}
