package io.fieldbench.bridge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BridgeSettingsTest {

    @Test
    void offUntilABrokerIsSet() {
        assertFalse(BridgeSettings.of(config(Map.of())).enabled());
    }

    @Test
    void brokerAddressesAsUsersWriteThem() {
        assertEquals(Optional.of(new BridgeSettings.Broker("mq.example", 1883, false)), broker("tcp://mq.example"));
        assertEquals(Optional.of(new BridgeSettings.Broker("mq.example", 8883, true)), broker("ssl://mq.example"));
        assertEquals(Optional.of(new BridgeSettings.Broker("10.1.2.3", 1884, false)), broker("10.1.2.3:1884"));
        assertEquals(Optional.of(new BridgeSettings.Broker("::1", 1883, false)), broker("mqtt://[::1]:1883"));
        assertEquals("tcp://[::1]:1883", broker("tcp://[::1]").orElseThrow().toString());
    }

    @Test
    void aBadSettingIsOneLineAndTheBridgeStaysOff() {
        BridgeSettings settings = BridgeSettings.of(config(Map.of("broker", "http://mq.example")));
        assertFalse(settings.enabled());
        assertEquals(List.of("broker 'http://mq.example' is not a broker address (the scheme is not tcp:// or ssl://):"
                + " write tcp://host:1883 or ssl://host:8883; the bridge stays off"), settings.problems());
        assertFalse(BridgeSettings.of(config(Map.of("broker", "tcp://h", "site", "a/b"))).enabled());
    }

    @Test
    void aBenchReceivesFromTheSitesItNamesButNeverFromItself() {
        BridgeSettings some = BridgeSettings.of(config(Map.of("broker", "tcp://h", "site", "lab", "subscribe", "field, roof")));
        assertEquals(Set.of("field", "roof"), some.subscribe());
        assertTrue(some.receivesFrom("roof"));
        assertFalse(some.receivesFrom("cellar"));
        BridgeSettings all = BridgeSettings.of(config(Map.of("broker", "tcp://h", "site", "lab", "subscribe", "+")));
        assertTrue(all.receivesFrom("cellar"));
        assertFalse(all.receivesFrom("lab"));
        assertEquals("fieldbench-lab", all.clientId());
    }

    private static Optional<BridgeSettings.Broker> broker(String text) {
        return BridgeSettings.of(config(Map.of("broker", text))).broker();
    }

    /** The configuration with these keys set and the rest at their defaults, as ConfigAdmin gives it. */
    private static BridgeConfig config(Map<String, String> values) {
        return (BridgeConfig) Proxy.newProxyInstance(BridgeConfig.class.getClassLoader(),
                new Class<?>[] {BridgeConfig.class}, (proxy, method, args) -> {
                    String key = method.getName().replace('_', '.');
                    if (values.containsKey(key)) {
                        return values.get(key);
                    }
                    if (method.getName().equals("annotationType")) {
                        return BridgeConfig.class;
                    }
                    return method.getDefaultValue();
                });
    }
}
