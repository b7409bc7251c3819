package io.fieldbench.shell.ui.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Component;
import java.awt.Container;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import javax.swing.JLabel;
import javax.swing.SwingUtilities;

import org.junit.jupiter.api.Test;

import io.fieldbench.api.feature.BundleStatus;
import io.fieldbench.api.feature.BundleStatus.State;
import io.fieldbench.api.feature.FeatureStatus;
import io.fieldbench.shell.ui.Palette;

/** The Modules view's row tells a running bundle by the same rule as {@code fb:features}: an attached fragment runs. */
class FeatureRowTest {

    @Test
    void anAttachedFragmentShowsAsRunningAndAFailedBundleAsAProblem() throws Exception {
        FeatureStatus udp = new FeatureStatus("udp", "UDP collector", true, true, List.of(
                new BundleStatus("io.netty.transport-native-epoll.linux-x86_64", "4.1.137", State.ATTACHED, ""),
                new BundleStatus("io.fieldbench.udp", "0.1.0", State.RESOLVED, "could not start: missing requirement")));
        CompletableFuture<List<JLabel>> states = new CompletableFuture<>();

        SwingUtilities.invokeAndWait(() -> {
            FeatureRow row = new FeatureRow("udp", (feature, on) -> CompletableFuture.completedFuture(null), problem -> { });
            row.show(udp);
            states.complete(labels(row).filter(label -> label.getText().equals(State.ATTACHED.name())
                    || label.getText().equals(State.RESOLVED.name())).toList());
        });

        JLabel fragment = states.get().get(0);
        JLabel failed = states.get().get(1);
        assertEquals(Palette.ok(), fragment.getForeground());
        assertEquals(Palette.error(), failed.getForeground());
    }

    private static Stream<JLabel> labels(Container container) {
        return Stream.of(container.getComponents()).flatMap(FeatureRowTest::labelsIn);
    }

    private static Stream<JLabel> labelsIn(Component component) {
        if (component instanceof JLabel label) {
            return Stream.of(label);
        }
        return component instanceof Container inner ? labels(inner) : Stream.empty();
    }
}
