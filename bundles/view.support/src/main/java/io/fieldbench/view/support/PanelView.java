package io.fieldbench.view.support;

import java.util.function.Consumer;

import javax.swing.JComponent;
import javax.swing.SwingUtilities;

import io.fieldbench.api.workbench.WorkbenchView;

/**
 * What every view with a panel of its own repeats: its id and title, the panel made on the EDT and
 * remembered (events reach it through {@link #panel()}, and are not taken at all while there is
 * none), and the panel stopped on the EDT when the view goes away. A subclass is the DS component:
 * it names {@code WorkbenchView} as its service (DS sees only directly implemented interfaces),
 * makes the panel, and calls {@link #closePanel} from its {@code @Deactivate}.
 *
 * @param <P> the view's panel
 */
public abstract class PanelView<P extends JComponent> implements WorkbenchView {

    private final String id;
    private final String title;
    private volatile P panel;

    protected PanelView(String id, String title) {
        this.id = id;
        this.title = title;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public final JComponent createComponent() {
        P created = createPanel();
        panel = created;
        return created;
    }

    /** Makes the view's panel; on the EDT. */
    protected abstract P createPanel();

    /** The panel shown, or null before it is made and once closed; any thread. */
    protected final P panel() {
        return panel;
    }

    /** Forgets the panel and runs {@code stop} on it on the EDT (its timers stopped), if there is one. */
    protected final void closePanel(Consumer<? super P> stop) {
        P shown = panel;
        panel = null;
        if (shown != null) {
            SwingUtilities.invokeLater(() -> stop.accept(shown));
        }
    }
}
