package io.fieldbench.core.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.Hashtable;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;

import io.fieldbench.api.feature.BundleStatus.State;

class FeatureBundlesTest {

    @Test
    void aResolvedFragmentIsAttachedAndABundleResolvedOnlyIsNotActive() {
        assertEquals(State.ATTACHED, FeatureBundles.stateOf(bundle(Bundle.RESOLVED, true)));
        assertEquals(State.INSTALLED, FeatureBundles.stateOf(bundle(Bundle.INSTALLED, true)), "a fragment without its host");
        assertEquals(State.RESOLVED, FeatureBundles.stateOf(bundle(Bundle.RESOLVED, false)));
        assertEquals(State.ACTIVE, FeatureBundles.stateOf(bundle(Bundle.ACTIVE, false)));
    }

    /** A bundle that answers only its state and headers, the two things its state as the user sees it depends on. */
    private static Bundle bundle(int state, boolean fragment) {
        Hashtable<String, String> headers = new Hashtable<>();
        if (fragment) {
            headers.put(Constants.FRAGMENT_HOST, "io.netty.transport-classes-epoll");
        }
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] { Bundle.class },
                (proxy, method, args) -> switch (method.getName()) {
                    case "getState" -> state;
                    case "getHeaders" -> headers;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
