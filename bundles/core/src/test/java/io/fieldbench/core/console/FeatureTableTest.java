package io.fieldbench.core.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.fieldbench.api.feature.BundleStatus;
import io.fieldbench.api.feature.BundleStatus.State;
import io.fieldbench.api.feature.FeatureStatus;

class FeatureTableTest {

    private static final String NATIVE_FRAGMENT = "io.netty.transport-native-epoll.linux-x86_64";

    @Test
    void anAttachedFragmentCountsAsRunning() {
        List<BundleStatus> bundles = activeBundles(8);
        bundles.add(bundle(NATIVE_FRAGMENT, State.ATTACHED, ""));

        assertRows(bundles, "udp          enabled   9/9      UDP collector");
    }

    @Test
    void aFeatureWithABundleThatFailedIsNotFullyActive() {
        List<BundleStatus> bundles = activeBundles(7);
        bundles.add(bundle(NATIVE_FRAGMENT, State.ATTACHED, ""));
        bundles.add(bundle("io.fieldbench.udp", State.RESOLVED, "could not start: missing requirement"));

        assertRows(bundles, "udp          enabled   8/9      UDP collector",
                "    io.fieldbench.udp: could not start: missing requirement");
    }

    @Test
    void aFragmentNotAttachedIsNotRunning() {
        List<BundleStatus> bundles = activeBundles(8);
        bundles.add(bundle(NATIVE_FRAGMENT, State.INSTALLED, ""));

        assertRows(bundles, "udp          enabled   8/9      UDP collector");
    }

    /** The table of one feature, udp, with these bundles has these lines under its header. */
    private static void assertRows(List<BundleStatus> bundles, String... rows) {
        String table = FeatureTable.of(List.of(new FeatureStatus("udp", "UDP collector", true, true, bundles)));
        List<String> lines = table.lines().toList();
        assertEquals("FEATURE      STATE     ACTIVE   DESCRIPTION", lines.get(0));
        assertEquals(List.of(rows), lines.subList(1, lines.size()));
    }

    private static List<BundleStatus> activeBundles(int count) {
        List<BundleStatus> bundles = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            bundles.add(bundle("bundle." + i, State.ACTIVE, ""));
        }
        return bundles;
    }

    private static BundleStatus bundle(String name, State state, String problem) {
        return new BundleStatus(name, "1.0.0", state, problem);
    }
}
