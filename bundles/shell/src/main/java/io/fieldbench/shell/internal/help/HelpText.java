package io.fieldbench.shell.internal.help;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * What Help shows: the README's console commands and its table of the Python tutorials, read from
 * the copy of the README the build puts into the bundle ({@value #README}).
 */
public final class HelpText {

    static final String README = "/help/README.md";
    static final String CONSOLE_LEAD_IN = "In the headless console";
    static final String TUTORIALS_LEAD_IN = "## Coming from the Python tutorials";

    private HelpText() {
    }

    /** Reads the README from the bundle; call off the EDT. */
    public static String html() {
        try (InputStream in = HelpText.class.getResourceAsStream(README)) {
            if (in == null) {
                return "<html><body><p>This build carries no README (" + README + ").</p></body></html>";
            }
            return html(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return "<html><body><p>Cannot read the README from the shell bundle: " + e.getMessage() + "</p></body></html>";
        }
    }

    static String html(String readme) {
        return "<html><body>"
                + "<h2>Console commands</h2>"
                + "<p>Typed in the terminal the bench was started from.</p>"
                + ReadmeTable.after(readme, CONSOLE_LEAD_IN).html()
                + "<h2>Coming from the Python tutorials</h2>"
                + "<p>The classic tutorials' clients work against the bench as they are, with at most one setting"
                + " (the Settings view, or <code>--set io.fieldbench.&lt;module&gt;.&lt;key&gt;=…</code>).</p>"
                + ReadmeTable.after(readme, TUTORIALS_LEAD_IN).html()
                + "</body></html>";
    }
}
