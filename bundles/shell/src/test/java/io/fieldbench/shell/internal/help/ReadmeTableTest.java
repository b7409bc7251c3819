package io.fieldbench.shell.internal.help;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ReadmeTableTest {

    private static final String README = """
            # Bench

            | not | this |
            |---|---|
            | one | two |

            In the headless console (a terminal):

            | command | does |
            |---|---|
            | `fb:features` | every feature |
            | `fb:forget-devices --all\\|--offline` | clear <the> registry |

            Text after the table.

            | later | table |
            |---|---|
            | x | y |
            """;

    @Test
    void readsTheTableAfterItsLeadInWithEscapedPipesAsPipes() {
        ReadmeTable table = ReadmeTable.after(README, "In the headless console");

        assertEquals(List.of(
                List.of("command", "does"),
                List.of("`fb:features`", "every feature"),
                List.of("`fb:forget-devices --all|--offline`", "clear <the> registry")), table.rows());
    }

    @Test
    void rendersCodeAndEscapesMarkup() {
        String html = ReadmeTable.after(README, "In the headless console").html();

        assertTrue(html.contains("<th>command</th>"), html);
        assertTrue(html.contains("<td><code>fb:forget-devices --all|--offline</code></td>"), html);
        assertTrue(html.contains("clear &lt;the&gt; registry"), html);
        assertFalse(html.contains("`") || html.contains("---"), html);
    }

    @Test
    void aMissingLeadInGivesNoRows() {
        assertTrue(ReadmeTable.after(README, "No such section").rows().isEmpty());
    }
}
