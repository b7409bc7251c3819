package io.fieldbench.chat.client;

import javax.swing.JComponent;
import javax.swing.SwingUtilities;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

import io.fieldbench.api.workbench.Workbench;
import io.fieldbench.api.workbench.WorkbenchView;

/**
 * The TCP Client view, docked in the centre: the bench as the client of a device that is a server.
 * It owns the one {@link TcpClient}; the connection ends with the view.
 */
@Component(service = WorkbenchView.class, property = WorkbenchView.DOCK_POSITION + "=center")
public final class TcpClientView implements WorkbenchView {

    static final String ID = "tcp-client";

    /** Held only so that the view exists where there is a window to dock in. */
    @Reference
    private Workbench workbench;

    @Reference(service = LoggerFactory.class)
    private Logger log;

    private final ClientLog clientLog = new ClientLog();
    private TcpClient client;
    private volatile TcpClientPanel panel;

    @Activate
    void activate() {
        client = new TcpClient(clientLog.listener(log));
    }

    @Deactivate
    void deactivate() {
        TcpClientPanel shown = panel;
        panel = null;
        if (shown != null) {
            SwingUtilities.invokeLater(shown::stop);
        }
        client.close();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "TCP Client";
    }

    @Override
    public JComponent createComponent() {
        TcpClientPanel created = new TcpClientPanel(client, clientLog);
        panel = created;
        return created;
    }
}
