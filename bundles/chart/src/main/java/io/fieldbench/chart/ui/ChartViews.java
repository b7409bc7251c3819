package io.fieldbench.chart.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

import io.fieldbench.api.device.Device;
import io.fieldbench.api.device.DeviceRegistry;
import io.fieldbench.api.settings.BenchProperties;
import io.fieldbench.api.workbench.Workbench;
import io.fieldbench.api.workbench.WorkbenchView;
import io.fieldbench.chart.internal.ChartFeed;
import io.fieldbench.chart.internal.SeriesKey;
import io.fieldbench.chart.internal.SeriesStore;
import io.fieldbench.support.DaemonThreads;

/**
 * The chart views: registers one {@link WorkbenchView} service per chart the user opened (the
 * shell docks each, and remembers its place by id), and keeps the charts and their selections in
 * {@code ${fieldbench.data}/charts.properties}. A first start opens one chart.
 */
@Component(service = {})
public final class ChartViews implements ChartHost {

    @Reference
    private Workbench workbench;

    @Reference
    private ChartFeed feed;

    /** The registry's device list fills the picker before the chart has points of a channel. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile DeviceRegistry registry;

    @Reference(service = LoggerFactory.class)
    private Logger log;

    private BundleContext context;
    private ChartBook book;
    private final Map<String, ServiceRegistration<WorkbenchView>> registrations = new LinkedHashMap<>();
    private final Map<String, ChartView> views = new LinkedHashMap<>();
    private ExecutorService worker;
    /** The book is written in the order the user changed it, off the EDT. */
    private ExecutorService writer;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
        worker = Executors.newSingleThreadExecutor(daemon("fieldbench-chart-draw"));
        writer = Executors.newSingleThreadExecutor(daemon("fieldbench-chart-book"));
        Path file = bookFile(context);
        try {
            book = ChartBook.read(file);
        } catch (IOException | IllegalArgumentException e) {
            log.warn("Cannot read the saved charts from {} ({}); starting with one empty chart", file, e.getMessage());
            book = ChartBook.empty(file);
        }
        if (book.charts().isEmpty()) {
            book.add();
            save();
        }
        for (ChartSelection chart : book.charts()) {
            register(chart.id());
        }
    }

    @Deactivate
    void deactivate() {
        List<String> ids;
        synchronized (registrations) {
            ids = List.copyOf(registrations.keySet());
        }
        ids.forEach(this::unregister);
        worker.shutdownNow();
        writer.shutdown();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return DaemonThreads.named(name);
    }

    private static Path bookFile(BundleContext context) {
        String data = context.getProperty(BenchProperties.DATA);
        return data == null || data.isBlank()
                ? context.getDataFile(ChartBook.FILE_NAME).toPath()
                : Path.of(data, ChartBook.FILE_NAME);
    }

    /**
     * Registers a chart view. The registration calls out to the framework and every listener (the
     * shell docks the view), so it runs outside the lock that {@link #openChart} takes on the EDT.
     */
    private void register(String id) {
        ChartView view = new ChartView(id, this);
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(WorkbenchView.DOCK_POSITION, "center");
        ServiceRegistration<WorkbenchView> registration = context.registerService(WorkbenchView.class, view, properties);
        synchronized (registrations) {
            views.put(id, view);
            registrations.put(id, registration);
        }
    }

    private void unregister(String id) {
        ServiceRegistration<WorkbenchView> registration;
        ChartView view;
        synchronized (registrations) {
            registration = registrations.remove(id);
            view = views.remove(id);
        }
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // already gone with the bundle
            }
        }
        if (view != null) {
            view.stop();
        }
    }

    ChartSelection selection(String id) {
        return book.chart(id).orElse(ChartSelection.empty(id));
    }

    private void save() {
        writer.execute(() -> {
            try {
                book.write();
            } catch (IOException e) {
                log.error("Cannot save the open charts", e);
            }
        });
    }

    @Override
    public SeriesStore store() {
        return feed.store();
    }

    @Override
    public List<SeriesKey> channels() {
        Set<SeriesKey> channels = new TreeSet<>(feed.store().keys());
        DeviceRegistry devices = registry;
        if (devices != null) {
            for (Device device : devices.devices()) {
                for (String channel : device.channels()) {
                    channels.add(new SeriesKey(device.id(), channel));
                }
            }
        }
        return List.copyOf(channels);
    }

    @Override
    public long dropped() {
        return feed.dropped();
    }

    @Override
    public Executor worker() {
        return worker;
    }

    @Override
    public void selectionChanged(ChartSelection selection) {
        book.put(selection);
        save();
    }

    @Override
    public void openChart() {
        ChartSelection chart = book.add();
        save();
        register(chart.id());
        workbench.showView(chart.id());
    }

    @Override
    public void closeChart(String id) {
        book.remove(id);
        save();
        unregister(id);
    }
}
