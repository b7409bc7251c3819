package io.fieldbench.imagerelay.ui;

import java.awt.BorderLayout;
import java.awt.Component;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSplitPane;
import javax.swing.SwingUtilities;

import io.fieldbench.api.imagerelay.RelayEvent;
import io.fieldbench.imagerelay.relay.ImageRelay;
import io.fieldbench.imagerelay.relay.RelayStatus;
import io.fieldbench.server.support.ServerControl.State;
import io.fieldbench.view.support.BoundedIntake;
import io.fieldbench.view.support.ListenOn;
import io.fieldbench.view.support.RefreshingPanel;
import io.fieldbench.view.support.StatusLines;

/**
 * The Image Relay view's component: the state with Start and Stop; the page's addresses on the
 * left, the gallery beside the current image; below them, across the whole width, the connected
 * clients beside the log. Each tick it asks the relay for a snapshot off the EDT and shows it,
 * and takes the events that came since. EDT only.
 */
final class ImageRelayPanel extends RefreshingPanel {

    static final int REFRESH_MILLIS = 250;
    /** How often the gallery is listed again without a new image (listing looks at every file): to see files deleted by hand. */
    static final long GALLERY_CHECK_MILLIS = 3_000;
    static final String STATE_NAME = "relay-state";
    static final String MESSAGE_NAME = "relay-message";

    private final RelayTasks tasks;
    private final BoundedIntake<RelayEvent> intake;
    private final JLabel state = new JLabel(" ");
    private final JLabel message = new JLabel(" ");
    private final JButton start;
    private final JButton stop;
    private final AddressesPanel addresses;
    private final ClientsPanel clients = new ClientsPanel();
    private final GalleryPanel gallery;
    private final ImageViewer viewer;
    private final RelayLog log = new RelayLog();
    private boolean refreshing;
    private boolean galleryStale = true;
    private long galleryListedAt;

    /**
     * @param worker runs the snapshots and the operator's tasks
     * @param decoder decodes the gallery's thumbnails
     */
    private final ListenOn listenOn;

    ImageRelayPanel(RelayTasks tasks, BoundedIntake<RelayEvent> intake, Executor worker, Executor decoder) {
        super(REFRESH_MILLIS);
        this.tasks = tasks;
        this.intake = intake;
        state.setName(STATE_NAME);
        message.setName(MESSAGE_NAME);
        start = Buttons.named("Start", "relay-start", () -> change(tasks.start()));
        stop = Buttons.named("Stop", "relay-stop", () -> change(tasks.stop()));
        addresses = new AddressesPanel(tasks, this::say);
        viewer = new ImageViewer(worker, () -> gallery().move(-1), () -> gallery().move(1));
        gallery = new GalleryPanel(decoder, viewer::show);

        listenOn = new ListenOn("The HTTP and WebSocket port phones connect to", "<data>/etc/" + ImageRelay.PID + ".cfg",
                tasks::writeSettings, (text, problem) -> say(text));
        JPanel header = StatusLines.under(List.of(listenOn, start, stop), state, message);

        JPanel current = new JPanel(new BorderLayout());
        current.add(viewer, BorderLayout.CENTER);
        current.add(new ImageActions(tasks, gallery::selected, clients::selectedClient, this::say), BorderLayout.SOUTH);

        JSplitPane images = split(JSplitPane.HORIZONTAL_SPLIT, gallery, current, 0);
        // the clients and transfers tables take the whole width under the address and image panes: their columns need it
        JSplitPane traffic = split(JSplitPane.HORIZONTAL_SPLIT, clients, log, 0.5);
        add(header, BorderLayout.NORTH);
        add(split(JSplitPane.VERTICAL_SPLIT, split(JSplitPane.HORIZONTAL_SPLIT, addresses, images, 0), traffic, 0.7),
                BorderLayout.CENTER);

        startRefreshing();
    }

    /** The viewer and the gallery refer to each other: the viewer's buttons reach the gallery through here. */
    private GalleryPanel gallery() {
        return gallery;
    }

    private void say(String text) {
        StatusLines.show(message, text);
    }

    private void showState(String text) {
        StatusLines.show(state, text);
    }

    private void change(CompletableFuture<RelayStatus> change) {
        start.setEnabled(false);
        stop.setEnabled(false);
        change.whenComplete((done, failure) -> SwingUtilities.invokeLater(() -> {
            if (failure != null) {
                say("the relay did not change: " + FailureText.of(failure));
            }
            refresh();
        }));
    }

    @Override
    protected void refresh() {
        List<RelayEvent> events = intake.drain();
        log.append(events);
        galleryStale |= events.stream().anyMatch(event -> event.image().isPresent());
        if (refreshing) {
            return;
        }
        refreshing = true;
        long now = System.currentTimeMillis();
        boolean withImages = galleryStale || now - galleryListedAt >= GALLERY_CHECK_MILLIS;
        if (withImages) {
            galleryStale = false;
            galleryListedAt = now;
        }
        tasks.snapshot(withImages).whenComplete((snapshot, failure) -> SwingUtilities.invokeLater(() -> {
            refreshing = false;
            if (stopped()) {
                return;
            }
            if (failure != null) {
                showState("cannot read the relay: " + FailureText.of(failure));
            } else {
                show(snapshot);
            }
        }));
    }

    private void show(RelaySnapshot snapshot) {
        RelayStatus status = snapshot.status();
        listenOn.show(tasks.settings().bindAddress(), tasks.settings().port());
        long dropped = intake.dropped();
        showState("Image relay " + status.headline() + " · " + count(status.clients(), "client") + " · "
                + count(status.images(), "image") + " · " + status.transport() + (dropped > 0 ? " · " + dropped + " log lines not shown (too many)" : "")
                + (status.plainClients() ? " · PLAIN CLIENTS ON: no token needed at ws://HOST:PORT/" : ""));
        if (status.plainClients()) {
            state.setToolTipText(ImageRelay.PLAIN_WARNING); // instead of the line whole: the warning matters more
        }
        start.setEnabled(status.state() == State.STOPPED);
        stop.setEnabled(status.running());
        addresses.show(status.pages());
        clients.show(snapshot.clients());
        snapshot.images().ifPresent(gallery::show);
    }

    private static String count(int number, String thing) {
        return number + " " + thing + (number == 1 ? "" : "s");
    }

    private static JSplitPane split(int orientation, Component first, Component second, double weight) {
        JSplitPane split = new JSplitPane(orientation, first, second);
        split.setResizeWeight(weight);
        split.setContinuousLayout(true);
        return split;
    }
}
