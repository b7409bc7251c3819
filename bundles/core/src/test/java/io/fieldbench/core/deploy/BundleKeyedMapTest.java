package io.fieldbench.core.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

class BundleKeyedMapTest {

    /** A library's private state, as the framework's registry holds its map of service uses. */
    private static final class Library {
        private final Registry registry = new Registry();
    }

    private static final class Registry {
        private final Map<Object, String> uses = new ConcurrentHashMap<>();
    }

    private static Bundle bundle() {
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    @Test
    void theEntriesOfAGoneBundleAreDroppedAndNoOthers() throws Exception {
        Library library = new Library();
        Bundle gone = bundle();
        Bundle staying = bundle();
        library.registry.uses.put(gone, "ConfigurationAdmin");
        library.registry.uses.put(staying, "EventAdmin");

        new BundleKeyedMap(BundleKeyedMap.at(library, "registry", "uses"), key -> key).forget(gone);

        assertEquals(Map.of(staying, "EventAdmin"), library.registry.uses);
    }

    @Test
    void aFieldALaterVersionLacksIsNamed() {
        NoSuchFieldException e = assertThrows(NoSuchFieldException.class, () -> BundleKeyedMap.at(new Library(), "m_registry"));

        assertEquals(Library.class.getName() + ".m_registry", e.getMessage());
    }
}
