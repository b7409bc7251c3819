package io.fieldbench.shell.internal.help;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Help is made from the project's README: the sections it reads by their lead-in must stay there. */
class HelpTextTest {

    @Test
    void showsTheReadmesConsoleCommandsAndTutorials() throws IOException {
        String readme = Files.readString(Path.of("../../README.md"));

        String html = HelpText.html(readme);

        assertTrue(html.contains("<code>fb:features</code>"), "the console commands: " + html);
        assertTrue(html.contains("<code>bridge:status</code>"), "the console table to its end: " + html);
        assertTrue(html.contains("PyQt UDP telemetry server"), "the tutorials: " + html);
        assertTrue(html.contains("WebSocket image transfer"), "the tutorials table to its end: " + html);
    }
}
