package io.fieldbench.chat.ui;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import io.fieldbench.api.chat.ChatEvents;
import io.fieldbench.api.chat.ChatMessage;
import io.fieldbench.api.settings.SettingsFiles;
import io.fieldbench.api.workbench.Workbench;
import io.fieldbench.api.workbench.WorkbenchView;
import io.fieldbench.chat.internal.ChatServer;
import io.fieldbench.view.support.BoundedIntake;
import io.fieldbench.view.support.PanelView;

/**
 * The Chat view, docked in the centre: Listen and Stop, the clients, the message log and the input
 * box. It takes the server's events only while its panel exists, and then only enqueues them
 * (a {@link BoundedIntake}): a flood of messages cannot stall the event threads or the EDT.
 */
@Component(service = {WorkbenchView.class, EventHandler.class}, property = {
        WorkbenchView.DOCK_POSITION + "=center",
        EventConstants.EVENT_TOPIC + "=" + ChatEvents.ALL })
public final class ChatView extends PanelView<ChatPanel> implements EventHandler {

    static final String ID = "chat";
    /** Messages waiting for the panel's next tick: a tick shows them all. */
    static final int WAITING_MESSAGES = 10_000;

    /** Held only so that the view exists where there is a window to dock in. */
    @Reference
    private Workbench workbench;

    @Reference
    private ChatServer server;

    @Reference
    private SettingsFiles settingsFiles;

    private final BoundedIntake<ChatMessage> intake = new BoundedIntake<>(WAITING_MESSAGES);

    public ChatView() {
        super(ID, "TCP Chat");
    }

    @Deactivate
    void deactivate() {
        closePanel(ChatPanel::stop);
    }

    @Override
    protected ChatPanel createPanel() {
        return new ChatPanel(server, intake, values -> settingsFiles.write(ChatServer.PID, values, Set.of()));
    }

    @Override
    public void handleEvent(Event event) {
        if (panel() != null && event.getProperty(ChatEvents.MESSAGE) instanceof ChatMessage message) {
            intake.offer(message);
        }
    }
}
