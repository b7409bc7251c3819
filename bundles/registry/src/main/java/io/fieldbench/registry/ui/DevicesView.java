package io.fieldbench.registry.ui;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.fieldbench.api.device.RemoteDownlink;
import io.fieldbench.api.workbench.Workbench;
import io.fieldbench.api.workbench.WorkbenchView;
import io.fieldbench.registry.internal.LiveDeviceRegistry;
import io.fieldbench.view.support.PanelView;

/**
 * The Devices view: the device registry as a live table. It keeps the ids of the devices the
 * user selected, for the chart views to follow once the API offers them a way to (see
 * {@link #selectedDevices()}).
 */
@Component(service = WorkbenchView.class, property = WorkbenchView.DOCK_POSITION + "=center")
public final class DevicesView extends PanelView<DevicesPanel> {

    static final String ID = "devices";

    /** Held only so that the view exists where there is a window to dock in. */
    @Reference
    private Workbench workbench;

    /** The bundle's own registry rather than the API's: the view also forgets devices. */
    @Reference
    private LiveDeviceRegistry registry;

    /** The bridge, when it runs: it reaches other benches' devices. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile RemoteDownlink downlink;

    private volatile List<String> selected = List.of();

    public DevicesView() {
        super(ID, "Devices");
    }

    @Override
    protected DevicesPanel createPanel() {
        return new DevicesPanel(registry::devices, registry::replayed, ids -> selected = ids, registry::forget,
                () -> Optional.ofNullable(downlink));
    }

    /** The ids of the devices selected in the table, in table order; any thread. */
    public List<String> selectedDevices() {
        return selected;
    }

    @Deactivate
    void deactivate() {
        closePanel(DevicesPanel::dispose);
    }
}
