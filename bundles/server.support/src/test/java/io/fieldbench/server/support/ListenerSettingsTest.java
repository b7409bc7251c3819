package io.fieldbench.server.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Whether and where a server listens, read alike by every server, and its problems said once. */
class ListenerSettingsTest {

    private final List<String> problems = new ArrayList<>();

    @Test
    void anEmptyAddressMeansEveryIpv4InterfaceAndSpacesDoNotCount() {
        assertEquals(new ListenerSettings(true, "0.0.0.0", 80), ListenerSettings.read(true, " ", 80, problems));
        assertEquals(new ListenerSettings(false, "::", 0), ListenerSettings.read(false, " :: ", 0, problems));
        assertEquals(List.of(), problems);
    }

    @Test
    void aPortOutOfRangeIsAProblemInOneLine() {
        ListenerSettings read = ListenerSettings.read(true, "127.0.0.1", 65_536, problems);

        assertEquals(65_536, read.port(), "kept: the control refuses it at start");
        assertEquals(List.of("port 65536 is not between 0 and 65535"), problems);
    }

    @Test
    void onlyTheAddressAndPortDecideWhetherTheSocketStays() {
        ListenerSettings listening = new ListenerSettings(true, "0.0.0.0", 80);

        assertTrue(listening.sameSocket(new ListenerSettings(false, "0.0.0.0", 80)));
        assertFalse(listening.sameSocket(new ListenerSettings(true, "::", 80)));
        assertFalse(listening.sameSocket(new ListenerSettings(true, "0.0.0.0", 81)));
    }

    @Test
    void problemsAreSaidAgainOnlyWhenTheyChange() {
        List<String> said = new ArrayList<>();
        SettingsProblems settingsProblems = new SettingsProblems("io.fieldbench.test", said::add);

        settingsProblems.say(List.of());
        settingsProblems.say(List.of("port 70000 is not between 0 and 65535"));
        settingsProblems.say(List.of("port 70000 is not between 0 and 65535"));
        settingsProblems.say(List.of());
        settingsProblems.say(List.of("port 70000 is not between 0 and 65535"));

        String line = "Setting in <data>/etc/io.fieldbench.test.cfg: port 70000 is not between 0 and 65535";
        assertEquals(List.of(line, line), said);
    }
}
