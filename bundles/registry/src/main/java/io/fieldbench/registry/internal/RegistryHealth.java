package io.fieldbench.registry.internal;

/**
 * How the registry keeps up.
 *
 * @param devices   devices known
 * @param dropped   datagrams not counted because the registry's queue was full
 * @param untracked datagrams from devices beyond {@link DeviceTable#MAX_DEVICES}
 * @param waiting   batches queued, not yet counted
 * @param failures  batches whose counting failed (see the log)
 */
public record RegistryHealth(int devices, long dropped, long untracked, int waiting, long failures) {
}
