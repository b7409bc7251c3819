package io.fieldbench.api.device;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Snapshots of the known devices, for views and commands that start late. */
@ProviderType
public interface DeviceRegistry {

    /** Every known device, by id. */
    List<Device> devices();

    /** One device. */
    Optional<Device> device(String id);
}
