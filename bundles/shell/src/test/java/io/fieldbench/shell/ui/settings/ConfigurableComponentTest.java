package io.fieldbench.shell.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ConfigurableComponentTest {

    private static ConfigurableComponent component(String pid, String name) {
        return new ConfigurableComponent(pid, name, "", "bundle", List.of());
    }

    @Test
    void listsTheBenchsOwnComponentsFirstThenTheFrameworksEachByName() {
        List<ConfigurableComponent> components = new ArrayList<>(List.of(
                component("org.apache.felix.eventadmin.impl.EventAdmin", "Apache Felix Event Admin"),
                component("io.fieldbench.udp", "UDP collector"),
                component("org.apache.felix.fileinstall", "Apache Felix File Install"),
                component("io.fieldbench.chat", "Chat server")));

        components.sort(ConfigurableComponent.BENCH_FIRST);

        assertEquals(List.of("io.fieldbench.chat", "io.fieldbench.udp",
                "org.apache.felix.eventadmin.impl.EventAdmin", "org.apache.felix.fileinstall"), components.stream().map(ConfigurableComponent::pid).toList());
    }
}
