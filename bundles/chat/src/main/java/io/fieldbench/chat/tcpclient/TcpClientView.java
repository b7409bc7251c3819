package io.fieldbench.chat.tcpclient;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

import io.fieldbench.api.settings.BenchProperties;
import io.fieldbench.api.workbench.Workbench;
import io.fieldbench.api.workbench.WorkbenchView;
import io.fieldbench.support.DaemonThreads;
import io.fieldbench.view.support.PanelView;

/**
 * The TCP Client view, docked in the centre: the bench as the client of a device that is a server.
 * It owns the one {@link TcpClient}; the connection ends with the view. The last connection's
 * host, port, framing and encoding are kept in {@code ${fieldbench.data}/tcp-client.properties}.
 */
@Component(service = WorkbenchView.class, property = WorkbenchView.DOCK_POSITION + "=center")
public final class TcpClientView extends PanelView<TcpClientPanel> {

    static final String ID = "tcp-client";

    /** Held only so that the view exists where there is a window to dock in. */
    @Reference
    private Workbench workbench;

    @Reference(service = LoggerFactory.class)
    private Logger log;

    private final ClientLog clientLog = new ClientLog();
    private TcpClient client;
    private LastConnectionFile lastFile;
    private volatile LastConnection last;
    /** Writes the last connection in the order they were made, off the EDT and the I/O thread. */
    private ExecutorService writer;

    public TcpClientView() {
        super(ID, "TCP Client");
    }

    @Activate
    void activate(BundleContext context) {
        client = new TcpClient(clientLog.listener(log));
        writer = Executors.newSingleThreadExecutor(DaemonThreads.named("fieldbench-tcp-client-file"));
        lastFile = new LastConnectionFile(dataFile(context));
        try {
            last = lastFile.read();
        } catch (IOException | IllegalArgumentException e) {
            log.warn("Cannot read the TCP client's last connection from {} ({}); starting with {}:{}", lastFile.file(),
                    e.getMessage(), LastConnection.FIRST.host(), LastConnection.FIRST.port());
            last = LastConnection.FIRST;
        }
    }

    @Deactivate
    void deactivate() {
        closePanel(TcpClientPanel::stop);
        client.close();
        writer.shutdown();
    }

    private static Path dataFile(BundleContext context) {
        String data = context.getProperty(BenchProperties.DATA);
        return data == null || data.isBlank()
                ? context.getDataFile(LastConnectionFile.FILE_NAME).toPath()
                : Path.of(data, LastConnectionFile.FILE_NAME);
    }

    /** Keeps a successful connection's choices for the next panel and the next start. */
    private void remember(LastConnection connection) {
        last = connection;
        writer.execute(() -> {
            try {
                lastFile.write(connection);
            } catch (IOException e) {
                log.warn("Cannot save the TCP client's last connection to {}: {}", lastFile.file(), e.getMessage());
            }
        });
    }

    @Override
    protected TcpClientPanel createPanel() {
        return new TcpClientPanel(client, clientLog, last, this::remember);
    }
}
