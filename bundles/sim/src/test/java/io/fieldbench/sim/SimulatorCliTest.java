package io.fieldbench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SimulatorCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void badArgumentsGiveOneLineAndExitCodeTwo() {
        int exit = run("--devices", "many");

        assertEquals(SimulatorCli.EXIT_BAD_INPUT, exit);
        assertEquals("fieldbench simulate: --devices needs a whole number, not 'many'", text(err).strip());
        assertEquals("", text(out));
    }

    @Test
    void anUnknownHostIsBadInputToo() {
        int exit = run("--target", "no-such-host.invalid:9999", "--count", "1");

        assertEquals(SimulatorCli.EXIT_BAD_INPUT, exit);
        assertEquals(1, text(err).strip().lines().count(), text(err));
        assertTrue(text(err).contains("unknown host 'no-such-host.invalid'"), text(err));
    }

    private int run(String... args) {
        return SimulatorCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
